/**
 * `npm run bench [-- --plans-only]`: how long the offline plan takes for a
 * stack of 1, 10 and 100 collectors, planned in this process under the mock
 * engine of plan/, and how long one run of the unit suite takes. It prints the
 * times and what they mean, and asserts nothing: timings depend on the machine
 * and on what else runs on it, so no test may depend on them.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { parseArgs } from "node:util";

/** Collector counts to plan, and how many times each is planned (the median counts). */
const SIZES: [collectors: number, runs: number][] = [
    [1, 5],
    [10, 3],
    [100, 3],
];

const root = join(__dirname, "..");

interface Timing {
    collectors: number;
    /** Median wall time of a plan, in milliseconds. */
    ms: number;
    resources: number;
}

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { "plans-only": { type: "boolean", default: false } } });
    // Time since the process started: Node itself, ts-node, this file.
    const processStart = performance.now();

    // The modules every plan needs, loaded once: the SDK, the AWS provider's
    // types, the component and the plan code.
    const loadStart = performance.now();
    const { planProgram } = await import("../plan/run");
    const { CloudfrontCollector } = await import("../components");
    const load = performance.now() - loadStart;

    /** A stack program of `n` collectors with distinct names, each exporting its URL. */
    const stackOf = (n: number) => () => {
        const outputs: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
            const collector = new CloudfrontCollector(`collector${i}`, { pixelPaths: ["i", "ice.png"], logPrefix: "cloudfront/" });
            outputs[`collectorUrl${i}`] = collector.collectorUrl;
        }
        return outputs;
    };
    const config = { values: { "aws:region": "eu-west-1" } };

    // The first plan of a process also pays for what the SDK sets up once.
    const firstStart = performance.now();
    await planProgram("cloudfront-collector", "bench", config, stackOf(1));
    const first = performance.now() - firstStart;

    const timings: Timing[] = [];
    for (const [collectors, runs] of SIZES) {
        const times: number[] = [];
        let resources = 0;
        for (let run = 0; run < runs; run++) {
            const start = performance.now();
            const plan = await planProgram("cloudfront-collector", "bench", config, stackOf(collectors));
            times.push(performance.now() - start);
            resources = plan.resources.length;
        }
        timings.push({ collectors, ms: median(times), resources });
    }

    const t1 = timings[0].ms;
    const t100 = timings[timings.length - 1].ms;
    const perCollector = (t100 - t1) / 99;
    const fixed = processStart + load + first;
    const lines = [
        "Offline plan, in one process (median of several plans; no assertion on any time)",
        row("process start (node, ts-node)", processStart),
        row("loading the SDK, the AWS types, the component", load),
        row("first plan of the process (1 collector)", first),
        ...timings.map((t) => row(`plan of ${t.collectors} collector${t.collectors === 1 ? "" : "s"} (${t.resources} resources)`, t.ms)),
        row("each extra collector, (t100 - t1) / 99", perCollector),
        row("fixed start-up cost, start + load + first plan", fixed),
        `  one more collector costs ${percent(perCollector / fixed)} of the start-up cost; ` +
            `${Math.round(fixed / perCollector)} collectors cost as much as starting up`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);

    if (values["plans-only"]) return;
    // The unit suite as npm test runs it after tsc: one mocha process.
    const suiteStart = performance.now();
    const suite = spawnSync(process.execPath, [require.resolve("mocha/bin/mocha.js"), "--reporter", "dot"], {
        cwd: root,
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1" },
        encoding: "utf8",
    });
    const suiteMs = performance.now() - suiteStart;
    const passing = /(\d+) passing/.exec(suite.stdout)?.[1] ?? "?";
    const failing = /(\d+) failing/.exec(suite.stdout)?.[1];
    process.stdout.write(
        [
            "",
            "Unit suite (mocha, one process, without tsc)",
            row(`${passing} tests${failing === undefined ? "" : `, ${failing} FAILING`}`, suiteMs),
            `  that is ${(suiteMs / fixed).toFixed(1)} times the plan's start-up cost`,
        ].join("\n") + "\n",
    );
    if (suite.status !== 0) process.exitCode = 1;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function row(label: string, ms: number): string {
    return `  ${label.padEnd(52)} ${Math.round(ms).toLocaleString("en-US").padStart(7)} ms`;
}

function percent(fraction: number): string {
    return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}

main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
});
