import { strict as assert } from "node:assert";
import { LOG_DELIVERY_CANONICAL_USER_ID } from "../plan/fabricate";
import { build, dependenciesOf, T, useMockEngine } from "./support/harness";

describe("the log bucket", () => {
    const engine = useMockEngine();

    it("has ACLs enabled with BucketOwnerPreferred, as CloudFront's standard logging needs", async () => {
        const built = await build();
        assert.deepEqual(built.child(T.ownership, "log-ownership").inputs.rule, {
            objectOwnership: "BucketOwnerPreferred",
        });
    });

    it("grants FULL_CONTROL to the bucket owner and to CloudFront's log delivery account together", async () => {
        const built = await build();
        const policy = built.child(T.acl, "log-acl").inputs.accessControlPolicy as {
            owner: { id: string };
            grants: { grantee: { type: string; id: string }; permission: string }[];
        };
        const owner = policy.owner.id;
        assert.ok(engine().fabricator.isUnknown(owner), "the owner is the deploying account's canonical user");
        assert.deepEqual(
            policy.grants.map((g) => [g.grantee.type, g.grantee.id, g.permission]).sort(),
            [
                ["CanonicalUser", owner, "FULL_CONTROL"],
                ["CanonicalUser", LOG_DELIVERY_CANONICAL_USER_ID, "FULL_CONTROL"],
            ].sort(),
        );
    });

    it("is never given a bare canned ACL, which would drop the log delivery grant", async () => {
        const built = await build();
        assert.equal(built.child(T.acl, "log-acl").inputs.acl, undefined);
        assert.equal(built.child(T.bucket, "log-bucket").inputs.acl, undefined);
    });

    it("blocks all public access", async () => {
        const built = await build();
        const block = built.child(T.publicAccess, "log-public-access");
        assert.equal(block.inputs.bucket, built.child(T.bucket, "log-bucket").outputs.bucket);
        for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
            assert.equal(block.inputs[flag], true, flag);
        }
    });

    it("encrypts with SSE-S3, which log delivery can write to", async () => {
        const built = await build();
        assert.deepEqual(built.child(T.encryption, "log-encryption").inputs.rules, [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
        ]);
    });

    it("expires and moves nothing by default", async () => {
        const built = await build();
        const rules = built.child(T.lifecycle, "log-lifecycle").inputs.rules as Record<string, unknown>[];
        assert.deepEqual(
            rules.map((r) => [r.expiration, r.transitions, r.noncurrentVersionExpiration]),
            [[undefined, undefined, undefined]],
        );
        assert.equal(built.child(T.bucket, "log-bucket").inputs.lifecycleRules, undefined);
    });

    it("is not force-destroyed by default", async () => {
        const built = await build();
        assert.equal(built.child(T.bucket, "log-bucket").inputs.forceDestroy, false);
    });

    it("can be force-destroyed when asked", async () => {
        const built = await build({ retainLogBucket: false, forceDestroyLogBucket: true });
        assert.equal(built.child(T.bucket, "log-bucket").inputs.forceDestroy, true);
    });

    it("is kept, with its settings, when the stack is destroyed", async () => {
        const built = await build();
        assert.ok(built.children(T.bucket).length === 2);
        for (const [type, suffix] of [
            [T.bucket, "log-bucket"],
            [T.publicAccess, "log-public-access"],
            [T.ownership, "log-ownership"],
            [T.acl, "log-acl"],
            [T.encryption, "log-encryption"],
            [T.lifecycle, "log-lifecycle"],
            [T.policy, "log-policy"],
        ]) {
            assert.equal(built.child(type, suffix).options.retainOnDelete, true, suffix);
        }
    });

    it("is deleted with the stack when retainLogBucket is false", async () => {
        const built = await build({ retainLogBucket: false });
        assert.equal(built.child(T.bucket, "log-bucket").options.retainOnDelete, false);
        assert.equal(built.child(T.acl, "log-acl").options.retainOnDelete, false);
    });

    it("is auto-named, not given a fixed physical name", async () => {
        const built = await build();
        assert.equal(built.child(T.bucket, "log-bucket").inputs.bucket, undefined);
    });

    it("changes one setting at a time: public access, ownership, ACL, encryption, versioning, lifecycle, policy", async () => {
        const built = await build({ logVersioning: true });
        const order = [
            "log-public-access",
            "log-ownership",
            "log-acl",
            "log-encryption",
            "log-versioning",
            "log-lifecycle",
            "log-policy",
        ];
        const types = [T.publicAccess, T.ownership, T.acl, T.encryption, T.versioning, T.lifecycle, T.policy];
        for (let i = 1; i < order.length; i++) {
            const deps = dependenciesOf(built.child(types[i], order[i]));
            assert.ok(
                deps.includes(`${built.name}-${order[i - 1]}`),
                `${order[i]} waits for ${order[i - 1]}: ${deps.join()}`,
            );
        }
    });

    it("has ACLs enabled before the distribution turns logging on", async () => {
        const built = await build();
        assert.ok(dependenciesOf(built.child(T.distribution, "distribution")).includes(`${built.name}-log-acl`));
    });
});
