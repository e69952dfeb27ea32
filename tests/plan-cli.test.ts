import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..");

/** Runs `npm run plan -- <args>` as a user would, without npm's own banner. */
function plan(...args: string[]) {
    const run = spawnSync(
        process.execPath,
        [require.resolve("ts-node/dist/bin"), "--transpile-only", join(root, "plan", "cli.ts"), ...args],
        {
            cwd: root,
            encoding: "utf8",
            timeout: 60_000,
        },
    );
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A project directory running this repository's program with one stack file of `stackYaml`. */
function projectWith(stack: string, stackYaml: string): string {
    const dir = mkdtempSync(join(tmpdir(), "collector-plan-"));
    const pulumiYaml = readFileSync(join(root, "Pulumi.yaml"), "utf8").replace(
        /^main: .*$/m,
        `main: ${join(root, "index.ts")}`,
    );
    writeFileSync(join(dir, "Pulumi.yaml"), pulumiYaml);
    writeFileSync(join(dir, `Pulumi.${stack}.yaml`), stackYaml);
    return dir;
}

describe("npm run plan", function () {
    this.timeout(60_000);
    let text: ReturnType<typeof plan>;
    before(() => {
        text = plan();
    });

    it("plans the dev stack when no stack is named", () => {
        assert.equal(text.code, 0, text.stderr);
        assert.match(text.stdout, /^Plan of stack "dev" \(project cloudfront-collector, region eu-west-1\)/);
    });

    it("lists both buckets, the pixel objects, both policies and the distribution as a tree under the collector", () => {
        for (const line of [
            /^ {4}\+ cloudfront-collector:index:CloudfrontCollector {2}collector$/m,
            /^ {8}\+ aws:s3\/bucket:Bucket {2}collector-pixel-bucket$/m,
            /^ {8}\+ aws:s3\/bucket:Bucket {2}collector-log-bucket {2}\[kept on destroy\]$/m,
            /^ {8}\+ aws:s3\/bucketObjectv2:BucketObjectv2 {2}collector-pixel-i$/m,
            /^ {8}\+ aws:s3\/bucketObjectv2:BucketObjectv2 {2}collector-pixel-ice\.png$/m,
            /^ {8}\+ aws:s3\/bucketPolicy:BucketPolicy {2}collector-pixel-policy$/m,
            /^ {8}\+ aws:s3\/bucketPolicy:BucketPolicy {2}collector-log-policy {2}\[kept on destroy\]$/m,
            /^ {8}\+ aws:cloudfront\/distribution:Distribution {2}collector-distribution$/m,
        ]) {
            assert.match(text.stdout, line);
        }
    });

    it("shows the distribution's logging settings", () => {
        assert.match(
            text.stdout,
            /loggingConfig\.bucket: collector-log-bucket-[0-9a-f]+\.s3\.amazonaws\.com {2}\(known after deploy\)/,
        );
        assert.match(text.stdout, /loggingConfig\.prefix: cloudfront\/$/m);
        assert.match(text.stdout, /loggingConfig\.includeCookies: false$/m);
    });

    it("marks outputs that only a deploy would know", () => {
        assert.match(
            text.stdout,
            /^Outputs:\n {4}collectorUrl: https:\/\/d[0-9a-f]+\.cloudfront\.net\/i {2}\(known after deploy\)$/m,
        );
    });

    it("prints the same plan as JSON with --json", () => {
        const json = plan("--json");
        assert.equal(json.code, 0, json.stderr);
        const parsed = JSON.parse(json.stdout);
        const textNames = [...text.stdout.matchAll(/^ *\+ \S+ {2}(\S+)/gm)].map((m) => m[1]);
        assert.deepEqual(
            parsed.resources.map((r: { name: string }) => r.name),
            textNames,
        );
        assert.deepEqual(Object.keys(parsed.outputs).sort(), [
            "collectorUrl",
            "distributionArn",
            "distributionId",
            "domainName",
            "logBucketName",
            "logUri",
            "pixelBucketName",
        ]);
        assert.equal(parsed.outputs.collectorUrl.known, false);
        const distribution = parsed.resources.find(
            (r: { type: string }) => r.type === "aws:cloudfront/distribution:Distribution",
        );
        assert.ok(distribution.knownAfterDeploy.includes("loggingConfig.bucket"));
        assert.equal(distribution.inputs.loggingConfig.prefix, "cloudfront/");
    });

    it("plans the stack named with --stack", () => {
        const dir = projectWith(
            "prod",
            "config:\n  aws:region: us-west-2\n  cloudfront-collector:logPrefix: prod-logs/\n",
        );
        const run = plan("--project", dir, "--stack", "prod");
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /region us-west-2/);
        assert.match(run.stdout, /loggingConfig\.prefix: prod-logs\/$/m);
    });

    it("fails naming logPrefix when a stack file gives a bad one", () => {
        const dir = projectWith("bad", "config:\n  aws:region: eu-west-1\n  cloudfront-collector:logPrefix: /logs/\n");
        const run = plan("--project", dir, "--stack", "bad");
        assert.equal(run.code, 1);
        assert.equal(run.stdout, "");
        assert.match(run.stderr, /logPrefix: got "\/logs\/"; expected a key prefix without a leading "\/"/);
    });

    it("fails naming the missing stack file", () => {
        const run = plan("--stack", "nosuch");
        assert.equal(run.code, 1);
        assert.match(run.stderr, /Pulumi\.nosuch\.yaml/);
    });
});
