import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { CloudfrontCollectorArgs } from "../components";
import { PlannedResource } from "../plan/engine";
import { ARGUMENT_NAMES } from "./support/argument-names";
import { build, Built, T, uniqueName, useMockEngine } from "./support/harness";

/** The part of a child's URN after the collector's name: the same child in another collector. */
const roleOf = (b: Built, r: PlannedResource) => `${r.type}::${r.name.slice(b.name.length)}`;

/**
 * The inputs of aws.s3.Bucket that make the AWS provider replace the bucket
 * (delete it and create a new one) when they change.
 */
const BUCKET_REPLACING_INPUTS = ["bucket", "bucketPrefix", "objectLockEnabled", "region"];

describe("data survives changes", () => {
    useMockEngine();

    describe("destroying the stack", () => {
        it("keeps the log bucket by default", async () => {
            assert.equal((await build()).child(T.bucket, "log-bucket").options.retainOnDelete, true);
        });

        it("deletes the log bucket only with retainLogBucket: false", async () => {
            assert.equal(
                (await build({ retainLogBucket: false })).child(T.bucket, "log-bucket").options.retainOnDelete,
                false,
            );
        });

        it("deletes the pixel bucket, which holds nothing but the pixel", async () => {
            assert.equal((await build()).child(T.bucket, "pixel-bucket").options.retainOnDelete, false);
        });
    });

    // In a program every collector has a parent, the stack at least; the SDK
    // works out inherited aliases only below one.
    const app = () => new pulumi.ComponentResource("acme:analytics:App", uniqueName("app"), {});

    describe("renaming the collector with an alias", () => {
        it("keeps every child: each new child answers to the old child's URN", async () => {
            const parent = app();
            const before = await build(undefined, "events", { parent });
            const after = await build(undefined, "tracking", { parent, aliases: [{ name: "events" }] });
            const oldUrns = new Map(before.resources.map((r) => [roleOf(before, r), r.urn]));
            assert.equal(after.resources.length, before.resources.length);
            for (const r of after.resources) {
                const old = oldUrns.get(roleOf(after, r));
                assert.ok(old !== undefined, `${r.name} has a counterpart`);
                assert.ok(
                    r.options.aliases.includes(old),
                    `${r.name} answers to ${old}: ${r.options.aliases.join(", ")}`,
                );
            }
        });
    });

    describe("moving the collector under a parent with an alias", () => {
        it("keeps every child: each answers to its URN under the old parent", async () => {
            const oldParent = new pulumi.ComponentResource("acme:analytics:Tracking", "old-home", {});
            const newParent = new pulumi.ComponentResource("acme:analytics:Platform", "new-home", {});
            const before = await build(undefined, "moved", { parent: oldParent });
            const oldUrns = new Map(before.resources.map((r) => [roleOf(before, r), r.urn]));
            const after = await build(undefined, "moved", { parent: newParent, aliases: [{ parent: oldParent }] });
            for (const r of after.resources) {
                const old = oldUrns.get(roleOf(after, r))!;
                assert.notEqual(r.urn, old, "the URN changed with the parent");
                assert.ok(r.options.aliases.includes(old), `${r.name} answers to ${old}`);
            }
        });
    });

    describe("changing an argument", () => {
        const changes: [string, CloudfrontCollectorArgs][] = [
            ["pixelPaths", { pixelPaths: ["i", "ice.png", "com.snowplowanalytics.iglu/v1"] }],
            ["logPrefix", { logPrefix: "cloudfront/" }],
            ["includeCookies", { includeCookies: true }],
            ["priceClass", { priceClass: "PriceClass_All" }],
            ["viewerProtocolPolicy", { viewerProtocolPolicy: "https-only" }],
            ["comment", { comment: "renamed" }],
            [
                "webAclArn",
                {
                    webAclArn:
                        "arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                },
            ],
            ["retainLogBucket", { retainLogBucket: false }],
            ["forceDestroyLogBucket", { retainLogBucket: false, forceDestroyLogBucket: true }],
            ["tags", { tags: { team: "data" } }],
            ["allowedOrigins", { allowedOrigins: ["https://shop.example.com"] }],
            [
                "domainNames",
                {
                    domainNames: ["c.example.com"],
                    certificateArn:
                        "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
                    minimumProtocolVersion: "TLSv1.2_2025",
                },
            ],
            [
                "createCertificate",
                { domainNames: ["c.example.com"], createCertificate: true, hostedZoneId: "Z0123456789ABCDEFGHIJ" },
            ],
            ["logTransitions", { logTransitions: [{ days: 30, storageClass: "STANDARD_IA" }] }],
            ["logExpirationDays", { logExpirationDays: 3650 }],
            ["logAbortIncompleteUploadDays", { logAbortIncompleteUploadDays: 1 }],
            ["logVersioning", { logVersioning: true, logNoncurrentVersionExpirationDays: 30 }],
        ];

        for (const [argument, args] of changes) {
            it(`${argument} leaves the log bucket in place: same resource, no input that replaces it`, async () => {
                const baseline = await build(undefined, `keep-${argument}-a`);
                const changed = await build(args, `keep-${argument}-b`);
                const replacing = (b: Built) => {
                    const bucket = b.child(T.bucket, "log-bucket");
                    return Object.fromEntries(BUCKET_REPLACING_INPUTS.map((k) => [k, bucket.inputs[k]]));
                };
                assert.deepEqual(replacing(changed), replacing(baseline));
                assert.equal(changed.children(T.bucket).filter((b) => b.name.endsWith("-log-bucket")).length, 1);
            });
        }

        it("covers every argument of the component but logBucketName, which must drop the bucket", () => {
            const covered = new Set(changes.flatMap(([, args]) => Object.keys(args)));
            const all: string[] = ARGUMENT_NAMES;
            assert.deepEqual(all.filter((a) => !covered.has(a)).sort(), ["logBucketName"]);
        });

        it("logBucketName leaves the old log bucket to be forgotten, not deleted", async () => {
            // Switching to an existing bucket removes the log bucket from the
            // program; retainOnDelete, recorded at its last deploy, makes Pulumi
            // forget it instead of deleting it.
            const before = await build(undefined, "switch-a");
            assert.equal(before.child(T.bucket, "log-bucket").options.retainOnDelete, true);
            const after = await build({ logBucketName: "acme-raw" }, "switch-b");
            assert.equal(after.children(T.bucket).filter((b) => b.name.endsWith("-log-bucket")).length, 0);
        });
    });
});
