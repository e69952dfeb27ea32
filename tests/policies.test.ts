import { strict as assert } from "node:assert";
import { PolicyDocument } from "../components/policies";
import { build, T, useMockEngine } from "./support/harness";

const documentOf = (r: { inputs: Record<string, unknown> }) => JSON.parse(r.inputs.policy as string) as PolicyDocument;

describe("the bucket policies", () => {
    useMockEngine();

    it("let CloudFront read the pixel bucket's objects for this distribution only", async () => {
        const built = await build();
        const policy = built.child(T.policy, "pixel-policy");
        const bucket = built.child(T.bucket, "pixel-bucket").outputs;
        const distribution = built.child(T.distribution, "distribution").outputs;
        assert.equal(policy.inputs.bucket, bucket.bucket);
        const allows = documentOf(policy).Statement.filter((s) => s.Effect === "Allow");
        assert.deepEqual(allows, [
            {
                Sid: "AllowThisDistributionToReadThePixel",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: "s3:GetObject",
                Resource: `${bucket.arn}/*`,
                Condition: { StringEquals: { "AWS:SourceArn": distribution.arn } },
            },
        ]);
    });

    it("name a distinct distribution for each collector", async () => {
        const a = await build();
        const b = await build();
        const sourceOf = (x: typeof a) =>
            documentOf(x.child(T.policy, "pixel-policy")).Statement[0].Condition?.StringEquals["AWS:SourceArn"];
        assert.notEqual(sourceOf(a), sourceOf(b));
    });

    /** The Deny statements of `policy` on the child `bucket` of a new collector, and that bucket's ARN. */
    async function denials(bucket: string, policy: string) {
        const built = await build();
        const arn = built.child(T.bucket, bucket).outputs.arn;
        assert.equal(built.child(T.policy, policy).inputs.bucket, built.child(T.bucket, bucket).outputs.bucket);
        const denied = documentOf(built.child(T.policy, policy)).Statement.filter((s) => s.Effect === "Deny");
        return { built, arn, denied };
    }

    it("deny every request to the log-bucket made without TLS", async () => {
        const { arn, denied } = await denials("log-bucket", "log-policy");
        assert.deepEqual(denied, [
            {
                Sid: "DenyRequestsWithoutTls",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [arn, `${arn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ]);
    });

    it("deny every request to the pixel-bucket made without TLS but this distribution's, which match the viewer's protocol", async () => {
        const { built, arn, denied } = await denials("pixel-bucket", "pixel-policy");
        assert.deepEqual(denied, [
            {
                Sid: "DenyRequestsWithoutTls",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [arn, `${arn}/*`],
                Condition: {
                    Bool: { "aws:SecureTransport": "false" },
                    StringNotEquals: { "AWS:SourceArn": built.child(T.distribution, "distribution").outputs.arn },
                },
            },
        ]);
    });

    it("are written in the current policy language, 2012-10-17", async () => {
        const built = await build();
        assert.deepEqual(
            [
                documentOf(built.child(T.policy, "pixel-policy")).Version,
                documentOf(built.child(T.policy, "log-policy")).Version,
            ],
            ["2012-10-17", "2012-10-17"],
        );
    });

    it("allow nothing on the log bucket: log delivery writes through the ACL", async () => {
        const doc = documentOf((await build()).child(T.policy, "log-policy"));
        assert.deepEqual(
            doc.Statement.filter((s) => s.Effect === "Allow"),
            [],
        );
    });
});
