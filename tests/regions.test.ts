import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CloudfrontCollector, CollectorArgumentsError } from "../components";
import { applyErrorsDuring, T, useMockEngine } from "./support/harness";

// The opt-in regions as AWS lists them
// (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html),
// written out here rather than read from the component.
const AWS_OPT_IN_REGIONS = [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-west-1",
    "eu-central-2",
    "eu-south-1",
    "eu-south-2",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
];

/** Runs `work` with `aws:region` set to `region`, as a stack's config would. */
function withRegion<R>(region: string | undefined, work: () => R): R {
    const before = pulumi.runtime.allConfig();
    const config = { ...before };
    delete config["aws:region"];
    if (region !== undefined) config["aws:region"] = region;
    pulumi.runtime.setAllConfig(config);
    try {
        return work();
    } finally {
        pulumi.runtime.setAllConfig(before);
    }
}

function refusal(work: () => unknown): CollectorArgumentsError {
    try {
        work();
    } catch (err) {
        assert.ok(err instanceof CollectorArgumentsError, String(err));
        return err;
    }
    assert.fail("accepted");
}

describe("regions", () => {
    const engine = useMockEngine();

    for (const region of AWS_OPT_IN_REGIONS) {
        it(`refuses a stack in the opt-in region ${region} at construction, saying why and what to do`, () => {
            const before = engine().resources.length;
            const err = refusal(() => withRegion(region, () => new CloudfrontCollector(`optin-${region}`)));
            assert.equal(
                err.problems[0].accepted,
                `a region CloudFront logs to: ${region} is an opt-in region, and CloudFront's standard logging delivers no logs to buckets there. ` +
                    "Deploy the stack to a region that is not opt-in (for example eu-west-1 or us-east-1), or pass logBucketName with an existing bucket in such a region",
            );
            assert.equal(err.problems[0].argument, "aws:region (the log bucket's region)");
            assert.equal(engine().resources.length, before, "nothing registered");
        });
    }

    it("refuses GovCloud, which has no CloudFront", () => {
        const err = refusal(() => withRegion("us-gov-west-1", () => new CloudfrontCollector("gov")));
        assert.match(err.message, /us-gov-west-1 is in AWS GovCloud, which has no CloudFront/);
    });

    it("reads the region from AWS_REGION when the stack sets none", () => {
        const saved = process.env.AWS_REGION;
        process.env.AWS_REGION = "me-south-1";
        try {
            const err = refusal(() => withRegion(undefined, () => new CloudfrontCollector("env-region")));
            assert.match(err.message, /me-south-1 is an opt-in region/);
        } finally {
            if (saved === undefined) delete process.env.AWS_REGION;
            else process.env.AWS_REGION = saved;
        }
    });

    for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1", "eu-central-1", "cn-north-1"]) {
        it(`accepts ${region}`, () => {
            assert.doesNotThrow(() => withRegion(region, () => new CloudfrontCollector(`ok-${region}`)));
        });
    }

    it("checks the stack's region when the providers option is empty, as the component provider passes it", () => {
        const err = refusal(() =>
            withRegion("af-south-1", () => new CloudfrontCollector("empty-providers", {}, { providers: {} })),
        );
        assert.match(err.message, /af-south-1 is an opt-in region/);
    });

    it("leaves the region to deploy time when the providers option names a provider", () => {
        const provider = new aws.Provider("named-provider", { region: "eu-west-1" });
        assert.doesNotThrow(() =>
            withRegion(
                "af-south-1",
                () => new CloudfrontCollector("named-providers", {}, { providers: { aws: provider } }),
            ),
        );
    });

    it("accepts an opt-in region with an existing log bucket, which may be elsewhere", () => {
        assert.doesNotThrow(() =>
            withRegion("af-south-1", () => new CloudfrontCollector("byo-elsewhere", { logBucketName: "acme-logs" })),
        );
    });

    // An explicit provider decides the region; the stack's own is then no guide.
    for (const [what, opts] of [
        ["provider", () => ({ provider: new aws.Provider("ireland", { region: "eu-west-1" }) })],
        ["providers", () => ({ providers: [new aws.Provider("ireland-too", { region: "eu-west-1" })] })],
    ] as [string, () => pulumi.ComponentResourceOptions][]) {
        it(`leaves the region to an explicit ${what} at construction, whatever the stack's region`, () => {
            assert.doesNotThrow(() =>
                withRegion("af-south-1", () => new CloudfrontCollector(`explicit-${what}`, {}, opts())),
            );
        });
    }

    describe("with an explicit provider in an opt-in region, in a stack whose region is not", () => {
        useMockEngine();

        it("stops the deploy before the log bucket is created, going by the provider's region", async () => {
            const errors = await applyErrorsDuring(() => {
                const provider = new aws.Provider("cape-town-from-ireland", { region: "af-south-1" });
                new CloudfrontCollector("provider-optin-elsewhere", {}, { provider });
            });
            assert.ok(
                errors.some((e) => e.includes("the log bucket cannot be in af-south-1")),
                errors.join("\n"),
            );
        });
    });

    describe("with an explicit provider in an opt-in region", () => {
        const optIn = useMockEngine("af-south-1");

        it("passes construction, then stops the deploy before the log bucket is created", async () => {
            const errors = await applyErrorsDuring(() => {
                const provider = new aws.Provider("cape-town", { region: "af-south-1" });
                new CloudfrontCollector("provider-optin", {}, { provider });
            });
            assert.ok(
                errors.some((e) =>
                    e.includes("the log bucket cannot be in af-south-1: af-south-1 is an opt-in region"),
                ),
                errors.join("\n"),
            );
            const created = optIn().resources.map((r) => r.type);
            assert.ok(!created.includes(T.distribution), "no distribution");
            assert.equal(
                optIn().resources.filter((r) => r.name === "provider-optin-log-bucket").length,
                0,
                "no log bucket",
            );
        });
    });
});
