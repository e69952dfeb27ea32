/**
 * `npm run bench [-- --plans-only]`: how long the offline plan takes for a
 * stack of 1, 10 and 100 collectors, planned in this process under the mock
 * engine of plan/, and how long one run of the unit suite takes. It prints the
 * times and what they mean, and asserts nothing: timings depend on the machine
 * and on what else runs on it, so no test may depend on them.
 */
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
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

/** Wall-clock and CPU time of one step, in milliseconds. */
interface Cost {
    wall: number;
    /** CPU time of this process (user and system): what other processes on the machine change least. */
    cpu: number;
}

interface Timing extends Cost {
    collectors: number;
    resources: number;
}

/** Runs `step` and returns what it cost, with its result. */
async function measure<T>(step: () => Promise<T>): Promise<Cost & { result: T }> {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    const result = await step();
    const wall = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    return { wall, cpu: (cpu.user + cpu.system) / 1000, result };
}

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { "plans-only": { type: "boolean", default: false } } });
    // Since the process started: Node itself, ts-node, this file.
    const cpuAtStart = process.cpuUsage();
    const started: Cost = { wall: performance.now(), cpu: (cpuAtStart.user + cpuAtStart.system) / 1000 };

    // The modules every plan needs, loaded once: the SDK, the AWS provider's
    // types, the component and the plan code.
    const loaded = await measure(async () => ({
        ...(await import("../plan/run")),
        ...(await import("../components")),
    }));
    const { planProgram, CloudfrontCollector } = loaded.result;

    /** A stack program of `n` collectors with distinct names, each exporting its URL. */
    const stackOf = (n: number) => () => {
        const outputs: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
            const collector = new CloudfrontCollector(`collector${i}`, {
                pixelPaths: ["i", "ice.png"],
                logPrefix: "cloudfront/",
            });
            outputs[`collectorUrl${i}`] = collector.collectorUrl;
        }
        return outputs;
    };
    const config = { values: { "aws:region": "eu-west-1" } };
    const plan = (n: number) => measure(() => planProgram("cloudfront-collector", "bench", config, stackOf(n)));

    // The first plan of a process also pays for what the SDK sets up once.
    const first = await plan(1);

    const timings: Timing[] = [];
    for (const [collectors, runs] of SIZES) {
        const costs: (Cost & { resources: number })[] = [];
        for (let run = 0; run < runs; run++) {
            const { wall, cpu, result } = await plan(collectors);
            costs.push({ wall, cpu, resources: result.resources.length });
        }
        timings.push({
            collectors,
            wall: median(costs.map((c) => c.wall)),
            cpu: median(costs.map((c) => c.cpu)),
            resources: costs[0].resources,
        });
    }

    const t1 = timings[0];
    const t100 = timings[timings.length - 1];
    const perCollector: Cost = { wall: (t100.wall - t1.wall) / 99, cpu: (t100.cpu - t1.cpu) / 99 };
    const fixed: Cost = { wall: started.wall + loaded.wall + first.wall, cpu: started.cpu + loaded.cpu + first.cpu };
    const lines = [
        `Offline plan, in one process: median of several plans, no assertion on any time`,
        `(${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at the end; CPU time is the steadier figure on a busy machine)`,
        `  ${"".padEnd(52)} ${"wall".padStart(10)} ${"CPU".padStart(10)}`,
        row("process start (node, ts-node)", started),
        row("loading the SDK, the AWS types, the component", loaded),
        row("first plan of the process (1 collector)", first),
        ...timings.map((t) =>
            row(`plan of ${t.collectors} collector${t.collectors === 1 ? "" : "s"} (${t.resources} resources)`, t),
        ),
        row("each extra collector, (t100 - t1) / 99", perCollector),
        row("fixed start-up cost, start + load + first plan", fixed),
        `  one more collector costs ${percent(perCollector.wall / fixed.wall)} of the start-up cost (CPU: ${percent(perCollector.cpu / fixed.cpu)}); ` +
            `${Math.round(fixed.wall / perCollector.wall)} collectors cost as much as starting up`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);

    if (values["plans-only"]) return;
    // The unit suite as npm test runs it after tsc: one mocha process. Its CPU
    // time is not this process's, so only the wall time is shown.
    const suiteStart = performance.now();
    const suite = spawnSync(process.execPath, [require.resolve("mocha/bin/mocha.js"), "--reporter", "dot"], {
        cwd: root,
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1" },
        encoding: "utf8",
    });
    const suiteWall = performance.now() - suiteStart;
    const passing = /(\d+) passing/.exec(suite.stdout)?.[1] ?? "?";
    const failing = /(\d+) failing/.exec(suite.stdout)?.[1];
    process.stdout.write(
        [
            "",
            `Unit suite (mocha, one process, without tsc; load average ${loadavg()[0].toFixed(1)} at the end)`,
            `  ${`${passing} tests${failing === undefined ? "" : `, ${failing} FAILING`}`.padEnd(52)} ${ms(suiteWall)}`,
            `  that is ${(suiteWall / fixed.wall).toFixed(1)} times the plan's start-up cost`,
        ].join("\n") + "\n",
    );
    if (suite.status !== 0) process.exitCode = 1;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function row(label: string, cost: Cost): string {
    return `  ${label.padEnd(52)} ${ms(cost.wall)} ${ms(cost.cpu)}`;
}

function ms(value: number): string {
    return `${Math.round(value).toLocaleString("en-US")} ms`.padStart(10);
}

function percent(fraction: number): string {
    return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}

main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
});
