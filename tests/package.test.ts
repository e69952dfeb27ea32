/**
 * The npm package as published: `npm pack` of this repository, installed in a
 * throw-away Pulumi program outside it and run there under Pulumi's mocks.
 * Everything comes from the npm cache that `npm ci` filled (the registry is
 * asked only for what is missing from it). The build that the pack runs is
 * also what a checkout serves as a component plugin, so that is tested here
 * too; tests/schema.test.ts checks the schema itself.
 */
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { schemaServedBy, Served } from "./support/plugin-host";

const root = join(__dirname, "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

interface Finished {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * The environment for a child process: without what an enclosing `npm test`
 * exports about this repository, which would make a child npm treat the
 * repository as its project.
 */
function childEnv(): NodeJS.ProcessEnv {
    const aboutThisRepository =
        /^(npm_config_(local_prefix|prefix|global_prefix)|npm_package_|npm_lifecycle_|INIT_CWD$)/i;
    const env = { ...process.env };
    for (const key of Object.keys(env)) {
        if (aboutThisRepository.test(key)) delete env[key];
    }
    return env;
}

/** Runs `file` with `args` in `cwd` and resolves with how it finished, failures included. */
function run(file: string, args: string[], cwd: string): Promise<Finished> {
    return new Promise((resolve) => {
        execFile(file, args, { cwd, env: childEnv(), maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
            const code = err === null ? 0 : typeof err.code === "number" ? err.code : 1;
            resolve({ code, stdout, stderr });
        });
    });
}

/** Runs `file` like {@link run} and fails, with its output, unless it succeeds. */
async function succeed(file: string, args: string[], cwd: string): Promise<Finished> {
    const finished = await run(file, args, cwd);
    if (finished.code !== 0) {
        throw new Error(
            `${file} ${args.join(" ")} failed with ${finished.code}:\n${finished.stdout}\n${finished.stderr}`,
        );
    }
    return finished;
}

/**
 * Like Promise.all, but fails only once every promise has settled: a child
 * process still running after a sibling failed would otherwise write into the
 * directory that the cleanup is removing.
 */
async function allFinished<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
    const results = await Promise.allSettled(promises);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failure !== undefined) throw failure.reason;
    return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

// Installs use the cache first; --no-audit and --no-fund keep npm from asking the registry anything else.
const npmInstall = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-exact"];

/** The file `npm pack --json` describes. */
interface Packed {
    filename: string;
    files: { path: string }[];
}

/** What tests/fixtures/consumer/run-under-mocks.js reports. */
interface Report {
    component: string;
    gifReads: string[];
    resources: { type: string; name: string; inputs: Record<string, unknown> }[];
    outputs: Record<string, string>;
}

describe("the npm package", function () {
    // Packing builds the library, and the install unpacks @pulumi/aws: tens of seconds.
    this.timeout(240_000);

    let work: string;
    let consumer: string;
    let packed: Packed;
    let typeCheck: Finished;
    let report: Report;
    let copiesOfPulumi: string[];
    let copiesOfAws: string[];
    let served: Served;

    before(async () => {
        work = realpathSync(mkdtempSync(join(tmpdir(), "cloudfront-collector-package-")));
        consumer = join(work, "consumer");
        // Inside the repository, Node would find this repository's node_modules too.
        assert.ok(
            relative(root, consumer).startsWith(".."),
            `${consumer} is inside the repository: set TMPDIR elsewhere`,
        );
        cpSync(join(root, "tests", "fixtures", "consumer"), consumer, { recursive: true });

        // The consumer's own Pulumi packages install while this repository packs.
        const peers = ["@pulumi/pulumi", "@pulumi/aws"].map((name) => `${name}@${manifest.devDependencies[name]}`);
        const [pack] = await allFinished([
            succeed("npm", ["pack", "--json", "--pack-destination", work], root),
            succeed("npm", [...npmInstall, ...peers], consumer),
        ]);
        // Some npm versions print the prepare script's banner on stdout, before the JSON.
        packed = JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[/m)))[0];

        // The pack has just built dist/, which the checkout run as a plugin loads.
        [, served] = await allFinished([useInConsumer(), schemaServedBy(root, work)]);
    });

    /** Installs the tarball in the consumer, compiles and runs its program, and lists its copies of the Pulumi packages. */
    async function useInConsumer(): Promise<void> {
        await succeed("npm", [...npmInstall, join(work, packed.filename)], consumer);
        // tsc emits bin/index.js even when it reports type errors, so the run's tests still say something.
        const compileAndRun = async () => {
            const checked = await run(process.execPath, [tsc, "-p", "."], consumer);
            await succeed(process.execPath, ["run-under-mocks.js"], consumer);
            return checked;
        };
        const [checked, pulumiCopies, awsCopies] = await allFinished([
            compileAndRun(),
            succeed("npm", ["ls", "--all", "--parseable", "@pulumi/pulumi"], consumer),
            succeed("npm", ["ls", "--all", "--parseable", "@pulumi/aws"], consumer),
        ]);
        typeCheck = checked;
        report = JSON.parse(readFileSync(join(consumer, "report.json"), "utf8"));
        copiesOfPulumi = pulumiCopies.stdout.split("\n").filter((line) => line !== "");
        copiesOfAws = awsCopies.stdout.split("\n").filter((line) => line !== "");
    }

    after(() => {
        if (work !== undefined) rmSync(work, { recursive: true, force: true });
    });

    const installed = () => join(consumer, "node_modules", "cloudfront-collector");

    describe("its tarball", () => {
        it("holds the compiled library with its declarations, the pixel, package.json and README, and nothing else", () => {
            const modules = readdirSync(join(root, "components"))
                .filter((file) => file.endsWith(".ts"))
                .map((file) => file.replace(/\.ts$/, ""));
            const expected = [
                "README.md",
                "package.json",
                "pixel/pixel.gif",
                ...modules.flatMap((module) => [`dist/${module}.js`, `dist/${module}.d.ts`]),
            ];
            assert.deepEqual(packed.files.map((f) => f.path).sort(), expected.sort());
        });

        it("names in main, types and exports only files it holds", () => {
            const files = new Set(packed.files.map((f) => f.path));
            const exported = manifest.exports["."];
            for (const target of [manifest.main, manifest.types, exported.types, exported.default]) {
                assert.ok(files.has(target.replace(/^\.\//, "")), target);
            }
        });

        it("asks for @pulumi/pulumi and @pulumi/aws as peer dependencies, not as its own", () => {
            const published = JSON.parse(readFileSync(join(installed(), "package.json"), "utf8"));
            assert.deepEqual(Object.keys(published.peerDependencies ?? {}).sort(), ["@pulumi/aws", "@pulumi/pulumi"]);
            assert.equal(published.dependencies, undefined);
        });
    });

    describe("installed in a TypeScript Pulumi program outside the repository", () => {
        it("type-checks the program against the package's declarations", () => {
            assert.equal(typeCheck.code, 0, typeCheck.stdout + typeCheck.stderr);
        });

        it("loads the component from the installed package's dist/", () => {
            assert.equal(report.component, join(installed(), "dist", "index.js"));
        });

        it("reads the pixel from the installed package's files", () => {
            const pixel = join(installed(), "pixel", "pixel.gif");
            assert.deepEqual([...new Set(report.gifReads)], [pixel]);
            const uploaded = report.resources.filter((r) => r.type === "aws:s3/bucketObjectv2:BucketObjectv2");
            assert.equal(uploaded.length, 2);
            for (const object of uploaded) {
                assert.equal(object.inputs.contentBase64, readFileSync(pixel).toString("base64"), object.name);
            }
        });

        it("registers the collector and its children, named from the collector", () => {
            const names = (type: string) =>
                report.resources
                    .filter((r) => r.type === type)
                    .map((r) => r.name)
                    .sort();
            assert.deepEqual(names("cloudfront-collector:index:CloudfrontCollector"), ["events"]);
            assert.deepEqual(names("aws:s3/bucket:Bucket"), ["events-log-bucket", "events-pixel-bucket"]);
            assert.deepEqual(names("aws:cloudfront/distribution:Distribution"), ["events-distribution"]);
        });

        it("returns the collector's outputs to the program", () => {
            assert.equal(report.outputs.collectorUrl, "https://d111111abcdef8.cloudfront.net/i");
            assert.equal(report.outputs.logUri, "s3://events-log-bucket-0123456/cloudfront/");
        });

        it("leaves the program with a single copy of @pulumi/pulumi, its own", () => {
            assert.deepEqual(copiesOfPulumi, [join(consumer, "node_modules", "@pulumi", "pulumi")]);
        });

        it("leaves the program with a single copy of @pulumi/aws, its own", () => {
            assert.deepEqual(copiesOfAws, [join(consumer, "node_modules", "@pulumi", "aws")]);
        });
    });

    // What `pulumi package add` does with a checkout of this repository, once
    // npm install has run prepare: run it as a plugin and ask for its schema.
    describe("built in a checkout and run as Pulumi runs a component plugin", () => {
        it("serves CloudfrontCollector under cloudfront-collector:index:CloudfrontCollector", () => {
            assert.equal(served.schema.name, "cloudfront-collector");
            assert.deepEqual(Object.keys(served.schema.resources), ["cloudfront-collector:index:CloudfrontCollector"]);
        });

        it("serves the component's arguments and outputs", () => {
            const component = served.schema.resources["cloudfront-collector:index:CloudfrontCollector"];
            assert.ok("pixelPaths" in component.inputProperties, Object.keys(component.inputProperties).join(", "));
            assert.ok("collectorUrl" in component.properties, Object.keys(component.properties).join(", "));
        });
    });
});
