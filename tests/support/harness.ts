/**
 * Runs collectors under the mock engine for tests: each test builds its own
 * collector, with a name of its own, and inspects what was registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { CloudfrontCollector, CloudfrontCollectorArgs } from "../../components";
import { MockEngine, PlannedResource, settle, startMockEngine } from "../../plan/engine";

export const TEST_REGION = "eu-west-1";

let engine: MockEngine | undefined;

/**
 * Starts a fresh mock engine before the tests of the calling `describe`.
 * `setMocks` is process-global, so every test file calls this.
 */
export function useMockEngine(region = TEST_REGION): () => MockEngine {
    before(async () => {
        engine = await startMockEngine({ project: "cloudfront-collector", stack: "test", region });
    });
    return () => {
        if (engine === undefined) throw new Error("useMockEngine() must be called in the describe block");
        return engine;
    };
}

/**
 * The value of an output. It resolves only from inside `apply`, so a test
 * that awaits it fails (by time-out) if the apply never runs.
 */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => resolve(value)));
}

/** A collector under test, and the resources it registered. */
export interface Built {
    name: string;
    collector: CloudfrontCollector;
    resources: PlannedResource[];
    /** The one child of `type` (`aws:s3/bucket:Bucket`) named `<collector>-<suffix>`. */
    child(type: string, suffix: string): PlannedResource;
    /** Every child of `type`. */
    children(type: string): PlannedResource[];
}

let counter = 0;

/** A collector name no other test uses. */
export function uniqueName(base = "c"): string {
    counter += 1;
    return `${base}${counter}`;
}

/** Builds a collector named `name` and waits until everything it registers is recorded. */
export async function build(
    args?: CloudfrontCollectorArgs,
    name = uniqueName(),
    opts?: pulumi.ComponentResourceOptions,
): Promise<Built> {
    if (engine === undefined) throw new Error("build() needs useMockEngine()");
    const collector = new CloudfrontCollector(name, args, opts);
    const urn = await Promise.race([valueOf(collector.urn), engine.failed]);
    await Promise.race([settle(), engine.failed]);
    const resources = engine.resources.filter((r) => r.urn === urn || isBelow(engine!.resources, r, urn));
    const children = (type: string) => resources.filter((r) => r.type === type);
    return {
        name,
        collector,
        resources,
        children,
        child: (type, suffix) => {
            const found = children(type).filter((r) => r.name === `${name}-${suffix}`);
            if (found.length !== 1) {
                throw new Error(
                    `expected one ${type} named ${name}-${suffix}, found ${found.length}: ${resources.map((r) => r.name).join(", ")}`,
                );
            }
            return found[0];
        },
    };
}

function isBelow(all: PlannedResource[], r: PlannedResource, ancestor: string): boolean {
    for (let parent = r.parent; parent !== undefined; parent = all.find((p) => p.urn === parent)?.parent) {
        if (parent === ancestor) return true;
    }
    return false;
}

/** The names of the resources `r` waits for. */
export function dependenciesOf(r: PlannedResource): string[] {
    return r.options.dependsOn.map((urn) => urn.split("::").pop() ?? urn);
}

/** Resource types, for `child()` and `children()`. */
export const T = {
    bucket: "aws:s3/bucket:Bucket",
    publicAccess: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    acl: "aws:s3/bucketAcl:BucketAcl",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    object: "aws:s3/bucketObjectv2:BucketObjectv2",
    cors: "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration",
    responseHeaders: "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
    certificate: "aws:acm/certificate:Certificate",
    certificateValidation: "aws:acm/certificateValidation:CertificateValidation",
    record: "aws:route53/record:Record",
    provider: "pulumi:providers:aws",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    originAccess: "aws:cloudfront/originAccessControl:OriginAccessControl",
    cachePolicy: "aws:cloudfront/cachePolicy:CachePolicy",
    distribution: "aws:cloudfront/distribution:Distribution",
} as const;

/**
 * The errors that `apply` callbacks raise while `work` runs and for `ms`
 * after: the SDK leaves them to the process as unhandled rejections. A
 * failed apply leaves the engine's queue unfinished, so the caller's describe
 * should have an engine of its own.
 */
export async function applyErrorsDuring(work: () => void, ms = 1500): Promise<string[]> {
    const errors: string[] = [];
    const record = (err: unknown) => errors.push(err instanceof Error ? err.message : String(err));
    process.on("unhandledRejection", record);
    try {
        work();
        await new Promise((resolve) => setTimeout(resolve, ms));
    } finally {
        process.off("unhandledRejection", record);
    }
    return [...new Set(errors)];
}
