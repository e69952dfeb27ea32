/**
 * The bucket policies, evaluated: each case is a request that IAM would see,
 * judged by a real policy evaluator against the policy exactly as the
 * component renders it under the mock engine, with the bucket and
 * distribution ARNs the plan gives.
 *
 * The cases are the product of a few dimensions (who calls, what they ask for,
 * on which object, over TLS or not), and the decision each should get follows
 * from a short rule per bucket, stated in `expectedOnPixelBucket` and
 * `expectedOnLogBucket`.
 *
 * What the evaluator does not model, and so what these cases do not prove:
 * - S3 ACLs. CloudFront's standard logs are written by the `awslogsdelivery`
 *   account through the log bucket's ACL grant, not through its policy. Here
 *   the policy's own decision is checked: it allows nobody, and over TLS it
 *   does not deny log delivery either, so the ACL grant can take effect.
 * - Block Public Access. Both buckets have it fully on, but it is not passed
 *   to the evaluator: the policies must be safe without it.
 * - Context keys that AWS fills in itself. The simulator sets none of them
 *   (`aws:PrincipalServiceName` included): each case lists the keys the
 *   request would carry.
 */
import { strict as assert } from "node:assert";
import { PolicyDocument } from "../components/policies";
import { LOG_DELIVERY_CANONICAL_USER_ID } from "../plan/fabricate";
import { build, T, useMockEngine } from "./support/harness";
import { ANONYMOUS, Decision, evaluate, IdentityPolicy, S3_ADMIN } from "./support/policy-simulator";

/** Every pixel path a Snowplow setup may use: current trackers, pre-2013 trackers, the Iglu webhook. */
const PIXEL_PATHS = ["i", "ice.png", "com.snowplowanalytics.iglu/v1"];
const LOG_PREFIX = "cloudfront/";

/** An account that is not the collector's. */
const OTHER_ACCOUNT = "210987654321";

/** What the plan says about the collector under test. */
interface Plan {
    account: string;
    pixelBucketArn: string;
    logBucketArn: string;
    distributionArn: string;
    distributionId: string;
    pixelPolicy: PolicyDocument;
    logPolicy: PolicyDocument;
}

/** Who makes a request, and the context keys AWS would attach to it. */
interface Caller {
    /** How case names call it. */
    label: string;
    principal(plan: Plan): string;
    context(plan: Plan): Record<string, string>;
    identityPolicy?: IdentityPolicy;
    /** CloudFront fetching an origin object for this collector's distribution, through origin access control. */
    isThisDistribution?: true;
    /**
     * A principal of the bucket owner's account whose identity policy allows S3.
     * S3 lets a same-account principal in when either its identity policy or the
     * bucket policy allows the request, so for it the bucket policy only matters
     * where it denies.
     */
    isOwnerAllowedByIdentity?: true;
}

/** What a request asks for. */
interface Operation {
    action: string;
    /** How case names call the resource. */
    target: string;
    resource(plan: Plan): string;
    /** Request headers that become context keys, such as the encryption header of an upload. */
    context?: Record<string, string>;
}

interface Case {
    name: string;
    run(plan: Plan): Promise<void>;
}

const service = (name: string) => ({ "aws:PrincipalServiceName": name });

/** CloudFront signing an origin request under origin access control, on behalf of the distribution `sourceArn` gives. */
function cloudfront(label: string, source?: (plan: Plan) => { arn: string; account: string }): Caller {
    return {
        label: `cloudfront.amazonaws.com ${label}`,
        principal: () => "cloudfront.amazonaws.com",
        context: (plan) => {
            const from = source?.(plan);
            const origin: Record<string, string> = from
                ? { "aws:SourceArn": from.arn, "aws:SourceAccount": from.account }
                : {};
            return { ...service("cloudfront.amazonaws.com"), ...origin };
        },
    };
}

const thisDistribution = (plan: Plan) => ({ arn: plan.distributionArn, account: plan.account });
const distribution = (account: string, id: string) => ({
    arn: `arn:aws:cloudfront::${account}:distribution/${id}`,
    account,
});

const ownerRole = (name: string) => (plan: Plan) => `arn:aws:iam::${plan.account}:role/${name}`;

/** Callers of both buckets that hold no special place in either policy. */
const STRANGERS: Caller[] = [
    { label: "an anonymous caller", principal: () => ANONYMOUS, context: () => ({}) },
    {
        label: "a role of the owner account with no identity policy",
        principal: ownerRole("reader"),
        context: () => ({}),
    },
    {
        label: "a role of another account allowed all of S3 by its identity policy",
        principal: () => `arn:aws:iam::${OTHER_ACCOUNT}:role/admin`,
        context: () => ({}),
        identityPolicy: S3_ADMIN,
    },
    {
        label: "a user of another account allowed all of S3 by its identity policy",
        principal: () => `arn:aws:iam::${OTHER_ACCOUNT}:user/admin`,
        context: () => ({}),
        identityPolicy: S3_ADMIN,
    },
];

const OWNER_ADMIN: Caller = {
    label: "a role of the owner account allowed all of S3 by its identity policy",
    principal: ownerRole("admin"),
    context: () => ({}),
    identityPolicy: S3_ADMIN,
    isOwnerAllowedByIdentity: true,
};

const PIXEL_CALLERS: Caller[] = [
    { ...cloudfront("for this distribution", thisDistribution), isThisDistribution: true },
    cloudfront("for another distribution of this account", (plan) => distribution(plan.account, "E2OTHERDIST0001")),
    cloudfront("for a distribution of another account", () => distribution(OTHER_ACCOUNT, "E3FOREIGNDIST01")),
    // Catches a condition loosened to a prefix match (StringLike with `*`, ArnLike).
    cloudfront("for a distribution whose ARN begins with this one's", (plan) => ({
        arn: `${plan.distributionArn}0`,
        account: plan.account,
    })),
    cloudfront("with no source distribution"),
    {
        label: "another service (logging.s3.amazonaws.com) citing this distribution",
        principal: () => "logging.s3.amazonaws.com",
        context: (plan) => ({
            ...service("logging.s3.amazonaws.com"),
            "aws:SourceArn": plan.distributionArn,
            "aws:SourceAccount": plan.account,
        }),
    },
    ...STRANGERS,
    OWNER_ADMIN,
];

const pixelObject = (path: string): Operation[] =>
    ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"].map((action) => ({
        action,
        target: path,
        resource: (plan) => `${plan.pixelBucketArn}/${path}`,
    }));

const onBucket = (arnOf: (plan: Plan) => string, actions: string[]): Operation[] =>
    actions.map((action) => ({ action, target: "the bucket", resource: arnOf }));

const PIXEL_OPERATIONS: Operation[] = [
    ...PIXEL_PATHS.flatMap(pixelObject),
    // Without ListBucket, CloudFront gets 403 rather than 404 for a path with no pixel.
    ...onBucket((plan) => plan.pixelBucketArn, ["s3:ListBucket", "s3:GetBucketPolicy", "s3:PutBucketPolicy"]),
];

/**
 * The pixel bucket: nothing without TLS; over TLS, CloudFront may read the
 * pixel objects for this distribution only, and the owner's own principals
 * keep what their identity policies give them.
 */
function expectedOnPixelBucket(caller: Caller, op: Operation, tls: boolean): Decision {
    if (!tls) return "ExplicitlyDenied";
    if (caller.isThisDistribution && op.action === "s3:GetObject") return "Allowed";
    if (caller.isOwnerAllowedByIdentity) return "Allowed";
    return "ImplicitlyDenied";
}

const LOG_CALLERS: Caller[] = [
    // Legacy standard logging writes as the awslogsdelivery account, which S3
    // knows by its canonical user id; its access comes from the ACL grant.
    {
        label: "CloudFront log delivery (awslogsdelivery)",
        principal: () => LOG_DELIVERY_CANONICAL_USER_ID,
        context: () => ({}),
    },
    {
        label: "the log delivery service delivery.logs.amazonaws.com for this distribution",
        principal: () => "delivery.logs.amazonaws.com",
        context: (plan) => ({
            ...service("delivery.logs.amazonaws.com"),
            "aws:SourceArn": plan.distributionArn,
            "aws:SourceAccount": plan.account,
        }),
    },
    cloudfront("for this distribution", thisDistribution),
    ...STRANGERS,
    OWNER_ADMIN,
];

const logFile = (plan: Plan) => `${plan.logBucketArn}/${LOG_PREFIX}${plan.distributionId}.2024-05-01-13.a1b2c3d4.gz`;

const LOG_OPERATIONS: Operation[] = [
    // Log delivery sends no encryption header: a policy that denied such
    // uploads would stop the logs.
    { action: "s3:PutObject", target: "a log file with no encryption header", resource: logFile },
    {
        action: "s3:PutObject",
        target: "a log file with an SSE-S3 header",
        resource: logFile,
        context: { "s3:x-amz-server-side-encryption": "AES256" },
    },
    { action: "s3:GetObject", target: "a log file", resource: logFile },
    { action: "s3:DeleteObject", target: "a log file", resource: logFile },
    ...onBucket(
        (plan) => plan.logBucketArn,
        ["s3:ListBucket", "s3:GetBucketAcl", "s3:PutBucketAcl", "s3:PutBucketPolicy"],
    ),
];

/**
 * The log bucket: its policy allows nobody (log delivery writes through the
 * ACL) and denies everybody without TLS; over TLS it leaves every request to
 * the ACL and to identity policies.
 */
function expectedOnLogBucket(caller: Caller, _op: Operation, tls: boolean): Decision {
    if (!tls) return "ExplicitlyDenied";
    if (caller.isOwnerAllowedByIdentity) return "Allowed";
    return "ImplicitlyDenied";
}

/**
 * How case names state a decision. On the log bucket an implicit deny is the
 * policy standing aside: log delivery is then let in by the ACL, the owner's
 * principals by their identity policies.
 */
const VERBS: Record<"pixel" | "log", Record<Decision, string>> = {
    pixel: { Allowed: "allows", ExplicitlyDenied: "explicitly denies", ImplicitlyDenied: "implicitly denies" },
    log: { Allowed: "allows", ExplicitlyDenied: "explicitly denies", ImplicitlyDenied: "neither allows nor denies" },
};

/** Every combination of caller, operation and transport on one bucket. */
function matrix(
    bucket: "pixel" | "log",
    callers: Caller[],
    operations: Operation[],
    expected: (caller: Caller, op: Operation, tls: boolean) => Decision,
): Case[] {
    return callers.flatMap((caller) =>
        operations.flatMap((op) =>
            [true, false].map((tls): Case => {
                const decision = expected(caller, op, tls);
                return {
                    name: `${VERBS[bucket][decision]} ${caller.label} ${op.action} on ${op.target} ${tls ? "over TLS" : "over plain HTTP"}`,
                    run: async (plan) => {
                        const policy = bucket === "pixel" ? plan.pixelPolicy : plan.logPolicy;
                        const result = await evaluate(policy, {
                            principal: caller.principal(plan),
                            action: op.action,
                            resource: op.resource(plan),
                            resourceAccount: plan.account,
                            context: { ...caller.context(plan), ...op.context, "aws:SecureTransport": String(tls) },
                            identityPolicy: caller.identityPolicy,
                        });
                        const why = `allowed by [${result.allowedBy.join(", ")}], denied by [${result.deniedBy.join(", ")}]`;
                        assert.equal(result.decision, decision, why);
                        if (bucket === "log")
                            assert.deepEqual(result.allowedBy, [], "the log bucket's policy allows nobody");
                    },
                };
            }),
        ),
    );
}

const PIXEL_CASES = matrix("pixel", PIXEL_CALLERS, PIXEL_OPERATIONS, expectedOnPixelBucket);
const LOG_CASES = matrix("log", LOG_CALLERS, LOG_OPERATIONS, expectedOnLogBucket);

const documentOf = (r: { inputs: Record<string, unknown> }) => JSON.parse(r.inputs.policy as string) as PolicyDocument;

describe(`the bucket policies, evaluated (${PIXEL_CASES.length + LOG_CASES.length} cases)`, () => {
    useMockEngine();

    let plan: Plan | undefined;
    const planned = () => {
        if (plan === undefined) throw new Error("the collector was not built");
        return plan;
    };
    let pixelKeys: unknown[] = [];

    before(async () => {
        const built = await build({ pixelPaths: PIXEL_PATHS, logPrefix: LOG_PREFIX });
        const distribution = built.child(T.distribution, "distribution").outputs;
        const distributionArn = distribution.arn as string;
        plan = {
            account: distributionArn.split(":")[4],
            pixelBucketArn: built.child(T.bucket, "pixel-bucket").outputs.arn as string,
            logBucketArn: built.child(T.bucket, "log-bucket").outputs.arn as string,
            distributionArn,
            distributionId: distribution.id as string,
            pixelPolicy: documentOf(built.child(T.policy, "pixel-policy")),
            logPolicy: documentOf(built.child(T.policy, "log-policy")),
        };
        pixelKeys = built.children(T.object).map((o) => o.inputs.key);
        console.log(
            `      policy matrix: ${PIXEL_CASES.length} pixel bucket cases (${PIXEL_CALLERS.length} callers x ` +
                `${PIXEL_OPERATIONS.length} operations x 2 transports), ${LOG_CASES.length} log bucket cases ` +
                `(${LOG_CALLERS.length} callers x ${LOG_OPERATIONS.length} operations x 2 transports)`,
        );
    });

    it("covers every pixel object the collector plans", () => {
        assert.deepEqual([...pixelKeys].sort(), [...PIXEL_PATHS].sort());
    });

    describe(`on the pixel bucket (${PIXEL_CASES.length} cases)`, () => {
        for (const c of PIXEL_CASES) it(c.name, () => c.run(planned()));
    });

    describe(`on the log bucket (${LOG_CASES.length} cases)`, () => {
        for (const c of LOG_CASES) it(c.name, () => c.run(planned()));
    });
});
