/**
 * The component as Python, Go, .NET, Java and YAML programs see it after
 * `pulumi package add`: the schema that Pulumi's component provider infers
 * from the TypeScript sources (what their SDKs are generated from), and the
 * component built through that provider's `construct`. No Pulumi CLI: the
 * provider is the SDK's own `ComponentProvider`, as the plugin host runs it.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import { parse as parseYaml } from "yaml";
import * as library from "../components";
import { CloudfrontCollectorArgs, CollectorArgumentsError } from "../components";
import { settle } from "../plan/engine";
import { build, T, useMockEngine, valueOf } from "./support/harness";

const root = join(__dirname, "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const TOKEN = "cloudfront-collector:index:CloudfrontCollector";
const LOG_TRANSITION = "cloudfront-collector:index:LogTransition";

/** A property as the schema describes it, without its description. */
type Shape = Record<string, unknown>;

const scalar = (type: "string" | "boolean" | "number"): Shape => ({ type });
const listOf = (items: Shape): Shape => ({ type: "array", items: { ...items, plain: true } });
const mapOf = (values: Shape): Shape => ({ type: "object", additionalProperties: { ...values, plain: true } });
const ref = (token: string): Shape => ({ $ref: `#/types/${token}` });
/** An optional argument taking a plain value: other languages cannot pass it an output. */
const plain = (shape: Shape): Shape => ({ ...shape, optional: true, plain: true });
/** An optional argument that may be an output of another resource (`pulumi.Input`). */
const input = (shape: Shape): Shape => ({ ...shape, optional: true });

/**
 * What the schema must say about each argument. Keyed by the interface's own
 * keys, so that the compiler refuses an argument added to
 * CloudfrontCollectorArgs and not to this list.
 */
const ARGUMENTS: Record<keyof CloudfrontCollectorArgs, Shape> = {
    pixelPaths: plain(listOf(scalar("string"))),
    logPrefix: plain(scalar("string")),
    includeCookies: plain(scalar("boolean")),
    priceClass: plain(scalar("string")),
    viewerProtocolPolicy: plain(scalar("string")),
    allowedOrigins: plain(listOf(scalar("string"))),
    domainNames: plain(listOf(scalar("string"))),
    certificateArn: input(scalar("string")),
    createCertificate: plain(scalar("boolean")),
    hostedZoneId: plain(scalar("string")),
    minimumProtocolVersion: plain(scalar("string")),
    comment: plain(scalar("string")),
    webAclArn: input(scalar("string")),
    logBucketName: plain(scalar("string")),
    logTransitions: plain(listOf(ref(LOG_TRANSITION))),
    logExpirationDays: plain(scalar("number")),
    logAbortIncompleteUploadDays: plain(scalar("number")),
    logVersioning: plain(scalar("boolean")),
    logNoncurrentVersionExpirationDays: plain(scalar("number")),
    retainLogBucket: plain(scalar("boolean")),
    forceDestroyLogBucket: plain(scalar("boolean")),
    tags: plain(mapOf(scalar("string"))),
};

/** The outputs the README and the stack promise. */
const PROMISED_OUTPUTS = [
    "collectorUrl",
    "domainName",
    "distributionId",
    "distributionArn",
    "pixelBucketName",
    "logBucketName",
    "logUri",
];

interface Property {
    description?: string;
    [key: string]: unknown;
}
interface Schema {
    name: string;
    version: string;
    resources: Record<
        string,
        {
            isComponent: boolean;
            description?: string;
            inputProperties: Record<string, Property>;
            requiredInputs: string[];
            properties: Record<string, Property>;
            required: string[];
        }
    >;
    types: Record<string, { properties: Record<string, Property>; required: string[] }>;
}

/** A doc comment carried over whole: some text, and no inline tag flattened to "[object Object]". */
function assertDescribed(property: Property | undefined, what: string): void {
    assert.equal(typeof property?.description, "string", `${what} has no description`);
    assert.ok(property!.description!.length >= 20, `${what}: ${property!.description}`);
    assert.ok(!property!.description!.includes("[object"), `${what}: ${property!.description}`);
}

/** Runs `work` with the stack's `aws:region` set to `region`. */
async function withRegion<R>(region: string, work: () => Promise<R>): Promise<R> {
    const before = pulumi.runtime.allConfig();
    pulumi.runtime.setAllConfig({ ...before, "aws:region": region });
    try {
        return await work();
    } finally {
        pulumi.runtime.setAllConfig(before);
    }
}

describe("the component for other Pulumi languages", function () {
    // The provider infers the schema with the TypeScript compiler over the
    // project, @pulumi/aws's declarations included: about 10 s.
    this.timeout(120_000);

    let provider: ComponentProvider;
    let schema: Schema;
    const component = () => schema.resources[TOKEN];

    before(async () => {
        // As the plugin host does: every component the package exports, under
        // the package's name.
        provider = new ComponentProvider({
            name: manifest.name,
            dirname: root,
            components: getPulumiComponents(library),
        });
        schema = JSON.parse(await provider.getSchema());
    });

    describe("PulumiPlugin.yaml", () => {
        it("makes the repository a plugin run by the Node.js runtime", () => {
            const plugin = parseYaml(readFileSync(join(root, "PulumiPlugin.yaml"), "utf8"));
            assert.equal(plugin.runtime, "nodejs");
        });
    });

    describe("the schema", () => {
        it("is the package's, under its npm name and version", () => {
            assert.equal(schema.name, "cloudfront-collector");
            assert.equal(schema.version, manifest.version);
        });

        it("offers CloudfrontCollector as a component, under the token <package>:index:<class>", () => {
            assert.deepEqual(Object.keys(schema.resources), [TOKEN]);
            assert.equal(component().isComponent, true);
        });

        it("describes the component with its doc comment", () => {
            const description = component().description ?? "";
            assert.match(description, /^A Snowplow CloudFront collector: a private S3 bucket holding a 1x1 pixel/);
        });

        it("has every argument of CloudfrontCollectorArgs and no other", () => {
            assert.deepEqual(Object.keys(component().inputProperties).sort(), Object.keys(ARGUMENTS).sort());
        });

        for (const [argument, shape] of Object.entries(ARGUMENTS)) {
            it(`types ${argument} as the TypeScript interface does`, () => {
                const actual = { ...component().inputProperties[argument] };
                delete actual.description;
                assert.deepEqual(actual, shape);
            });
        }

        it("leaves every argument optional, as in TypeScript", () => {
            assert.deepEqual(component().requiredInputs, []);
        });

        it("describes every argument with its doc comment", () => {
            for (const argument of Object.keys(ARGUMENTS))
                assertDescribed(component().inputProperties[argument], argument);
            // Carried over as written, line breaks included.
            const logPrefix = component().inputProperties.logPrefix.description!;
            assert.match(
                logPrefix,
                /^The key prefix of the access log files in the log bucket, without a\nleading `\/`\./,
            );
        });

        it("describes LogTransition's fields, both required", () => {
            const transition = schema.types[LOG_TRANSITION];
            const { description: daysDoc, ...days } = transition.properties.days;
            const { description: classDoc, ...storageClass } = transition.properties.storageClass;
            assert.deepEqual(days, { type: "number", plain: true });
            assert.deepEqual(storageClass, { type: "string", plain: true });
            assert.match(daysDoc ?? "", /^Days after a log file is written/);
            assert.match(classDoc ?? "", /^`STANDARD_IA`, `INTELLIGENT_TIERING`/);
            assert.deepEqual(transition.required, ["days", "storageClass"]);
        });

        it("has every output, each a string that is always set", () => {
            assert.deepEqual(Object.keys(component().properties).sort(), [...PROMISED_OUTPUTS].sort());
            for (const output of PROMISED_OUTPUTS) assert.equal(component().properties[output].type, "string", output);
            assert.deepEqual(component().required, [...PROMISED_OUTPUTS].sort());
        });

        it("describes every output with its doc comment", () => {
            for (const output of PROMISED_OUTPUTS) assertDescribed(component().properties[output], output);
        });

        describe("against a collector built in TypeScript", () => {
            useMockEngine();

            it("has an output for every output property of the collector", async () => {
                const { collector } = await build();
                const outputs = Object.entries(collector)
                    .filter(([key, value]) => key !== "urn" && pulumi.Output.isInstance(value))
                    .map(([key]) => key);
                assert.deepEqual(Object.keys(component().properties).sort(), outputs.sort());
            });
        });
    });

    describe("construction through the provider", () => {
        const engine = useMockEngine();

        // As the provider server passes them when the program names no provider.
        const options = (): pulumi.ComponentResourceOptions => ({ aliases: [], dependsOn: [], providers: {} });

        /** Inputs as the engine delivers them from another language: plain values. */
        const inputs = {
            pixelPaths: ["i", "ice.png"],
            logPrefix: "cloudfront/",
            logTransitions: [{ days: 30, storageClass: "STANDARD_IA" }],
            tags: { team: "data" },
        };

        it("registers the collector under the token the schema offers", async () => {
            const result = await provider.construct("from-python", TOKEN, inputs, options());
            const urn = await valueOf(pulumi.output(result.urn));
            assert.equal(urn, `urn:pulumi:test::cloudfront-collector::${TOKEN}::from-python`);
            const registered = engine().resources.filter((r) => r.name === "from-python");
            assert.deepEqual(
                registered.map((r) => r.type),
                [TOKEN],
            );
        });

        it("creates the children from the arguments given", async () => {
            await provider.construct("from-yaml", TOKEN, inputs, options());
            await settle();
            const children = (type: string) =>
                engine().resources.filter((r) => r.type === type && r.name.startsWith("from-yaml-"));
            assert.deepEqual(
                children(T.object)
                    .map((o) => o.inputs.key)
                    .sort(),
                ["i", "ice.png"],
            );
            const [distribution] = children(T.distribution);
            assert.equal((distribution.inputs.loggingConfig as { prefix: string }).prefix, "cloudfront/");
            assert.deepEqual(distribution.inputs.tags, { team: "data" });
            const [lifecycle] = children(T.lifecycle);
            assert.match(JSON.stringify(lifecycle.inputs.rules), /"storageClass":"STANDARD_IA"/);
        });

        it("returns every output of the schema as the component's state", async () => {
            const result = await provider.construct("from-go", TOKEN, inputs, options());
            assert.deepEqual(Object.keys(result.state).sort(), Object.keys(component().properties).sort());
            const state = result.state as Record<string, pulumi.Output<string>>;
            const collectorUrl = await valueOf(state.collectorUrl);
            const distributionId = await valueOf(state.distributionId);
            const logUri = await valueOf(state.logUri);
            const [distribution] = engine().resources.filter((r) => r.name === "from-go-distribution");
            assert.equal(collectorUrl, `https://${distribution.outputs.domainName}/i`);
            assert.equal(distributionId, distribution.outputs.id);
            assert.match(logUri, /^s3:\/\/from-go-log-bucket-[0-9a-f]+\/cloudfront\/$/);
        });

        it("refuses wrong arguments with the component's own message, creating nothing", async () => {
            const before = engine().resources.length;
            await assert.rejects(
                provider.construct("from-java", TOKEN, { logPrefix: "/raw", priceClass: "PriceClass_300" }, options()),
                (err: unknown) =>
                    err instanceof CollectorArgumentsError &&
                    /logPrefix: got "\/raw"/.test(err.message) &&
                    /priceClass: got "PriceClass_300"/.test(err.message),
            );
            assert.equal(engine().resources.length, before);
        });

        it("refuses a stack in an opt-in region, as it does in TypeScript", async () => {
            await assert.rejects(
                withRegion("af-south-1", () => provider.construct("from-dotnet", TOKEN, {}, options())),
                /af-south-1 is an opt-in region/,
            );
        });
    });
});
