import { strict as assert } from "node:assert";
import { CloudfrontCollector, CloudfrontCollectorArgs, CollectorArgumentsError } from "../components";
import { applyErrorsDuring, build, T, uniqueName, useMockEngine, valueOf } from "./support/harness";

const LOG_RESOURCE_TYPES = [T.publicAccess, T.ownership, T.acl, T.encryption, T.policy, T.lifecycle, T.versioning];

function problemsOf(args: unknown): string[] {
    try {
        // A name of its own: accepted arguments register a collector.
        new CloudfrontCollector(uniqueName("byo"), args as CloudfrontCollectorArgs);
    } catch (err) {
        assert.ok(err instanceof CollectorArgumentsError, String(err));
        return err.problems.map((p) => `${p.argument}: ${p.accepted}`);
    }
    return [];
}

describe("an existing log bucket (logBucketName)", () => {
    const engine = useMockEngine();

    it("is where the distribution logs, by its global domain", async () => {
        const built = await build({ logBucketName: "acme-snowplow-raw", logPrefix: "cf/" });
        const logging = built.child(T.distribution, "distribution").inputs.loggingConfig as Record<string, unknown>;
        assert.deepEqual(logging, {
            bucket: "acme-snowplow-raw.s3.amazonaws.com",
            prefix: "cf/",
            includeCookies: false,
        });
    });

    it("is not created, and none of its settings are touched", async () => {
        const built = await build({ logBucketName: "acme-snowplow-raw" });
        assert.deepEqual(
            built.children(T.bucket).map((b) => b.name),
            [`${built.name}-pixel-bucket`],
        );
        const onLogs = built.resources.filter(
            (r) => LOG_RESOURCE_TYPES.includes(r.type as never) && r.name.includes("-log-"),
        );
        assert.deepEqual(
            onLogs.map((r) => r.name),
            [],
        );
        const pixelBucket = built.child(T.bucket, "pixel-bucket").outputs.bucket;
        for (const r of built.resources.filter((x) => "bucket" in x.inputs && x.type !== T.distribution)) {
            assert.equal(r.inputs.bucket, pixelBucket, `${r.name} touches only the pixel bucket`);
        }
    });

    it("is named in logBucketName and logUri", async () => {
        const built = await build({ logBucketName: "acme-snowplow-raw", logPrefix: "cf/" });
        assert.equal(await valueOf(built.collector.logBucketName), "acme-snowplow-raw");
        assert.equal(await valueOf(built.collector.logUri), "s3://acme-snowplow-raw/cf/");
    });

    const badNames: [string, string][] = [
        ["upper case", "Acme-Logs"],
        ["too short", "ab"],
        ["too long", "a".repeat(64)],
        ["two dots in a row", "acme..logs"],
        ["an IP address", "192.168.1.10"],
        ["a reserved prefix", "xn--acme"],
        ["a reserved suffix", "acme-s3alias"],
        ["an underscore", "acme_logs"],
        ["a trailing hyphen", "acme-logs-"],
    ];
    for (const [what, name] of badNames) {
        it(`refuses a bucket name with ${what}`, () => {
            const [problem] = problemsOf({ logBucketName: name });
            assert.match(problem, /^logBucketName: a bucket name of 3-63 lowercase letters, digits, dots and hyphens/);
        });
    }

    it("accepts bucket names with dots and digits", () => {
        assert.deepEqual(problemsOf({ logBucketName: "logs.acme-2024.example" }), []);
    });

    it("accepts bucket names that hold an IP address without being one", () => {
        assert.deepEqual(
            [...problemsOf({ logBucketName: "logs.10.0.0.1" }), ...problemsOf({ logBucketName: "10.0.0.1.logs" })],
            [],
        );
    });

    // Each a value other than the argument's default: the default asks for nothing.
    const ownBucketSettings: [string, unknown][] = [
        ["retainLogBucket", false],
        ["forceDestroyLogBucket", true],
        ["logVersioning", true],
        ["logExpirationDays", 30],
        ["logAbortIncompleteUploadDays", 30],
        ["logTransitions", [{ days: 30, storageClass: "STANDARD_IA" }]],
    ];
    for (const [argument, value] of ownBucketSettings) {
        it(`refuses ${argument} together with logBucketName`, () => {
            assert.deepEqual(problemsOf({ logBucketName: "acme-logs", [argument]: value }), [
                `${argument}: no value with logBucketName: the collector changes no setting of a bucket it does not create`,
            ]);
        });
    }

    it("accepts the log bucket arguments at their defaults, as a stack's config holds them", () => {
        const defaults = {
            retainLogBucket: true,
            forceDestroyLogBucket: false,
            logVersioning: false,
            logAbortIncompleteUploadDays: 7,
            logNoncurrentVersionExpirationDays: 90,
            logTransitions: [],
        };
        assert.deepEqual(problemsOf({ logBucketName: "acme-logs", ...defaults }), []);
    });

    it("refuses a logBucketName that is not a string", () => {
        assert.deepEqual(problemsOf({ logBucketName: 12 }), [
            'logBucketName: the name of an existing S3 bucket, such as "acme-snowplow-raw"',
        ]);
    });

    describe("in an opt-in region", () => {
        useMockEngine();

        it("stops the deploy before the distribution is created", async () => {
            engine().fabricator.existingBuckets.set("cape-town-logs", "af-south-1");
            const errors = await applyErrorsDuring(
                () => new CloudfrontCollector("byo-optin", { logBucketName: "cape-town-logs" }),
            );
            assert.ok(
                errors.some((e) =>
                    e.includes(
                        'logBucketName: bucket "cape-town-logs" is in af-south-1: af-south-1 is an opt-in region',
                    ),
                ),
                errors.join("\n"),
            );
            assert.deepEqual(
                engine()
                    .resources.filter((r) => r.type === T.distribution)
                    .map((r) => r.name),
                [],
            );
        });
    });
});
