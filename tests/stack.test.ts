import { strict as assert } from "node:assert";
import { join } from "node:path";
import { PlannedResource } from "../plan/engine";
import { planStack, StackPlan } from "../plan/run";
import { readProject, readStackConfig, StackConfigError } from "../plan/stack-config";
import { ARGUMENT_NAMES } from "./support/argument-names";

const root = join(__dirname, "..");

const project = readProject(root);

/** Plans the stack program with Pulumi.yaml's defaults and `values` (unqualified keys are the project's). */
async function planWith(values: Record<string, unknown>): Promise<StackPlan> {
    const config: Record<string, string> = { "aws:region": "eu-west-1" };
    for (const [key, declaration] of Object.entries(project.config)) {
        if (declaration.default !== undefined) {
            config[`cloudfront-collector:${key}`] =
                typeof declaration.default === "string" ? declaration.default : JSON.stringify(declaration.default);
        }
    }
    for (const [key, value] of Object.entries(values)) {
        config[key.includes(":") ? key : `cloudfront-collector:${key}`] =
            typeof value === "string" ? value : JSON.stringify(value);
    }
    return planStack(project, "test", { values: config });
}

const one = (plan: StackPlan, type: string): PlannedResource => {
    const found = plan.resources.filter((r) => r.type === type);
    assert.equal(found.length, 1, type);
    return found[0];
};
const distribution = (plan: StackPlan) =>
    one(plan, "aws:cloudfront/distribution:Distribution").inputs as Record<string, any>;

describe("the stack program", () => {
    it("builds one collector named collector", async () => {
        const plan = await planWith({});
        const components = plan.resources.filter((r) => r.type === "cloudfront-collector:index:CloudfrontCollector");
        assert.deepEqual(
            components.map((c) => c.name),
            ["collector"],
        );
    });

    it("exports every output of the collector", async () => {
        const plan = await planWith({});
        assert.deepEqual(Object.keys(plan.outputs).sort(), [
            "collectorUrl",
            "distributionArn",
            "distributionId",
            "domainName",
            "logBucketName",
            "logUri",
            "pixelBucketName",
        ]);
        assert.match(plan.outputs.collectorUrl.value as string, /^https:\/\/d[0-9a-f]+\.cloudfront\.net\/i$/);
        assert.equal(plan.outputs.collectorUrl.known, false);
    });

    it("reads each config key into the argument of the same name", async () => {
        const plan = await planWith({
            pixelPaths: ["ice.png", "i"],
            logPrefix: "raw/",
            includeCookies: true,
            priceClass: "PriceClass_200",
            viewerProtocolPolicy: "https-only",
            comment: "shop events",
            webAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/bots/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            retainLogBucket: false,
            forceDestroyLogBucket: true,
            tags: { team: "data" },
        });
        const d = distribution(plan);
        assert.deepEqual(
            plan.resources.filter((r) => r.type === "aws:s3/bucketObjectv2:BucketObjectv2").map((o) => o.inputs.key),
            ["ice.png", "i"],
        );
        assert.deepEqual(d.loggingConfig, { bucket: d.loggingConfig.bucket, prefix: "raw/", includeCookies: true });
        assert.equal(d.priceClass, "PriceClass_200");
        assert.equal(d.defaultCacheBehavior.viewerProtocolPolicy, "https-only");
        assert.equal(d.comment, "shop events");
        assert.equal(
            d.webAclId,
            "arn:aws:wafv2:us-east-1:123456789012:global/webacl/bots/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        );
        assert.deepEqual(d.tags, { team: "data" });
        const logBucket = plan.resources.find((r) => r.name === "collector-log-bucket")!;
        assert.equal(logBucket.options.retainOnDelete, false);
        assert.equal(logBucket.inputs.forceDestroy, true);
    });

    it("fails with the component's message on a bad config value", async () => {
        await assert.rejects(planWith({ logPrefix: "/raw" }), /logPrefix: got "\/raw"/);
    });
});

describe("Pulumi.yaml", () => {
    // Every argument but the two Pulumi's project schema cannot type (a map and a list of objects).
    const argsOfComponent = ARGUMENT_NAMES.filter((a) => a !== "tags" && a !== "logTransitions");

    it("names the stack program as main, not the library", () => {
        assert.equal(project.main, join(root, "index.ts"));
    });

    it("declares every plain argument of the component with a type, a default and a description", () => {
        // Only the project's own keys: pulumi new adds a value for pulumi:tags to the projects it makes.
        const declared = Object.entries(project.config).filter(([key]) => !key.includes(":"));
        assert.deepEqual(declared.map(([key]) => key).sort(), [...argsOfComponent].sort());
        for (const [key, declaration] of declared) {
            assert.ok(["string", "boolean", "integer", "array"].includes(declaration.type), key);
            assert.notEqual(declaration.default, undefined, key);
            assert.ok((declaration.description ?? "").length > 20, key);
        }
    });

    it("declares defaults that plan exactly like the component's own", async () => {
        const fromDefaults = await planWith({});
        const fromComponent = await planStack(readProject(join(__dirname, "fixtures", "bare")), "test", {
            values: { "aws:region": "eu-west-1" },
        });
        const shape = (plan: StackPlan) =>
            plan.resources.map((r) => [r.type, r.name, r.inputs, r.options.retainOnDelete]);
        assert.deepEqual(shape(fromDefaults).slice(1), shape(fromComponent).slice(1));
    });
});

describe("stack files", () => {
    it("Pulumi.dev.yaml is a working sample stack", async () => {
        const plan = await planStack(project, "dev", readStackConfig(root, project, "dev"));
        assert.equal(plan.region, "eu-west-1");
        assert.ok(plan.resources.length > 15);
    });

    it("a value of the wrong type is refused as the CLI would, naming the key", () => {
        const bad = { ...project, config: { ...project.config } };
        assert.throws(
            () => readStackConfig(join(__dirname, "fixtures"), bad, "wrong-type"),
            (err: Error) =>
                err instanceof StackConfigError &&
                /cloudfront-collector:includeCookies must be a boolean, got "yes"/.test(err.message),
        );
    });

    it("booleans and whole numbers written as text are taken, as pulumi config set writes them", async () => {
        const plan = await planStack(
            project,
            "text-values",
            readStackConfig(join(__dirname, "fixtures"), project, "text-values"),
        );
        const distribution = plan.resources.find((r) => r.type === "aws:cloudfront/distribution:Distribution")!;
        assert.equal((distribution.inputs.loggingConfig as Record<string, unknown>).includeCookies, true);
        const lifecycle = plan.resources.find(
            (r) => r.type === "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        )!;
        assert.match(JSON.stringify(lifecycle.inputs.rules), /"daysAfterInitiation":3/);
    });

    it("a missing stack file is named", () => {
        assert.throws(() => readStackConfig(root, project, "nosuch"), /Pulumi\.nosuch\.yaml/);
    });
});
