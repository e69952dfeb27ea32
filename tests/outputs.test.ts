import { strict as assert } from "node:assert";
import { build, T, useMockEngine, valueOf } from "./support/harness";

describe("the collector's outputs", () => {
    useMockEngine();

    it("collectorUrl is https://<domain>/<first pixel path>", async () => {
        const built = await build({ pixelPaths: ["ice.png", "i"] });
        const domain = built.child(T.distribution, "distribution").outputs.domainName;
        assert.equal(await valueOf(built.collector.collectorUrl), `https://${domain}/ice.png`);
    });

    it("collectorUrl percent-encodes each segment of the path but keeps its slashes", async () => {
        const built = await build({
            pixelPaths: ["com.snowplowanalytics.iglu/v1 beta#"].map((p) => p.replace("#", "é")),
        });
        const domain = built.child(T.distribution, "distribution").outputs.domainName;
        assert.equal(
            await valueOf(built.collector.collectorUrl),
            `https://${domain}/com.snowplowanalytics.iglu/v1%20beta%C3%A9`,
        );
    });

    it("domainName, distributionId and distributionArn are the distribution's", async () => {
        const built = await build();
        const d = built.child(T.distribution, "distribution").outputs;
        assert.equal(await valueOf(built.collector.domainName), d.domainName);
        assert.equal(await valueOf(built.collector.distributionId), d.id);
        assert.equal(await valueOf(built.collector.distributionArn), d.arn);
    });

    it("pixelBucketName and logBucketName are the buckets' physical names", async () => {
        const built = await build();
        assert.equal(
            await valueOf(built.collector.pixelBucketName),
            built.child(T.bucket, "pixel-bucket").outputs.bucket,
        );
        assert.equal(await valueOf(built.collector.logBucketName), built.child(T.bucket, "log-bucket").outputs.bucket);
    });

    it("logUri is s3://<log bucket>/<log prefix>", async () => {
        const built = await build({ logPrefix: "cloudfront/" });
        const bucket = built.child(T.bucket, "log-bucket").outputs.bucket;
        assert.equal(await valueOf(built.collector.logUri), `s3://${bucket}/cloudfront/`);
    });

    it("logUri is the bucket's root without a prefix", async () => {
        const built = await build();
        const bucket = built.child(T.bucket, "log-bucket").outputs.bucket;
        assert.equal(await valueOf(built.collector.logUri), `s3://${bucket}/`);
    });
});
