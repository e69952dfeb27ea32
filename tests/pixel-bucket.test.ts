import { strict as assert } from "node:assert";
import { build, dependenciesOf, T, useMockEngine } from "./support/harness";

describe("the pixel bucket", () => {
    useMockEngine();

    it("blocks all public access", async () => {
        const built = await build();
        const block = built.child(T.publicAccess, "pixel-public-access");
        assert.equal(block.inputs.bucket, built.child(T.bucket, "pixel-bucket").outputs.bucket);
        for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
            assert.equal(block.inputs[flag], true, flag);
        }
    });

    it("has ACLs disabled (BucketOwnerEnforced)", async () => {
        const built = await build();
        assert.deepEqual(built.child(T.ownership, "pixel-ownership").inputs.rule, {
            objectOwnership: "BucketOwnerEnforced",
        });
    });

    it("encrypts with SSE-S3 by default", async () => {
        const built = await build();
        assert.deepEqual(built.child(T.encryption, "pixel-encryption").inputs.rules, [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
        ]);
    });

    it("has no ACL resource", async () => {
        const built = await build();
        const bucket = built.child(T.bucket, "pixel-bucket").outputs.bucket;
        assert.equal(built.children(T.acl).filter((a) => a.inputs.bucket === bucket).length, 0);
        assert.equal(built.child(T.bucket, "pixel-bucket").inputs.acl, undefined);
    });

    it("is auto-named, not given a fixed physical name", async () => {
        const built = await build();
        assert.equal(built.child(T.bucket, "pixel-bucket").inputs.bucket, undefined);
    });

    it("changes one setting at a time: ownership after public access, encryption after ownership", async () => {
        const built = await build();
        const name = built.name;
        assert.ok(dependenciesOf(built.child(T.ownership, "pixel-ownership")).includes(`${name}-pixel-public-access`));
        assert.ok(dependenciesOf(built.child(T.encryption, "pixel-encryption")).includes(`${name}-pixel-ownership`));
    });

    it("gets its policy after the distribution and after its last setting", async () => {
        const built = await build();
        const name = built.name;
        const deps = dependenciesOf(built.child(T.policy, "pixel-policy"));
        assert.ok(deps.includes(`${name}-distribution`), deps.join());
        assert.ok(deps.includes(`${name}-pixel-cors`), deps.join());
    });

    it("gets its CORS rule after encryption", async () => {
        const built = await build();
        assert.ok(dependenciesOf(built.child(T.cors, "pixel-cors")).includes(`${built.name}-pixel-encryption`));
    });

    it("receives the pixel objects only once encryption is configured", async () => {
        const built = await build();
        const name = built.name;
        assert.ok(dependenciesOf(built.child(T.object, "pixel-i")).includes(`${name}-pixel-encryption`));
    });
});
