/**
 * Evaluates a bucket policy for one request with a real IAM policy evaluator
 * (`@cloud-copilot/iam-simulate`, a development dependency only: it is AGPL),
 * so that tests check what a policy decides, not how its JSON looks.
 */
import { anonymousPrincipal, runSimulation, Simulation } from "@cloud-copilot/iam-simulate";
import { PolicyDocument, PolicyStatement } from "../../components/policies";

/** What IAM decides for a request: an explicit deny always wins; without any allow, the request is denied implicitly. */
export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** Marks an unsigned request: S3 knows no principal for it. */
export const ANONYMOUS = "anonymous";

export interface PolicyRequest {
    /** An IAM ARN, a service principal (`cloudfront.amazonaws.com`), a canonical user id, or {@link ANONYMOUS}. */
    principal: string;
    action: string;
    resource: string;
    /** The account that owns the bucket: it decides whether the request is same-account. */
    resourceAccount: string;
    /** Request context keys, such as `aws:SecureTransport` or `aws:SourceArn`. */
    context: Record<string, string>;
    /** The caller's identity policy, if it has one. */
    identityPolicy?: IdentityPolicy;
}

/** An identity policy: like a bucket policy, but it names no principal (the caller is its principal). */
export interface IdentityPolicy {
    Version: "2012-10-17";
    Statement: Omit<PolicyStatement, "Principal">[];
}

export interface Evaluation {
    decision: Decision;
    /** The Sids of the bucket policy's statements that allowed, and that denied, the request. */
    allowedBy: string[];
    deniedBy: string[];
}

/** Evaluates `request` against the bucket policy `bucketPolicy`, in the simulator's strict mode. */
export async function evaluate(bucketPolicy: PolicyDocument, request: PolicyRequest): Promise<Evaluation> {
    const anonymous = request.principal === ANONYMOUS;
    const simulation: Simulation = {
        request: {
            principal: anonymous ? anonymousPrincipal : request.principal,
            action: request.action,
            resource: { resource: request.resource, accountId: request.resourceAccount },
            contextVariables: request.context,
        },
        identityPolicies: request.identityPolicy ? [{ name: "identity", policy: request.identityPolicy }] : [],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: bucketPolicy,
    };
    const result = await runSimulation(simulation, { simulationMode: "Strict" });
    if (result.resultType === "error") {
        throw new Error(`the simulator refused the request: ${JSON.stringify(result.errors)}`);
    }
    if (result.resultType !== "single") {
        throw new Error(
            `expected one resource to be simulated, got a ${result.resultType} result for ${request.resource}`,
        );
    }
    // A context key the simulator drops as not applying to the action would
    // make a case pass without its condition ever being evaluated.
    const ignored = result.result.ignoredContextKeys ?? [];
    if (ignored.length > 0)
        throw new Error(`the simulator ignored context keys ${ignored.join(", ")} for ${request.action}`);

    const analysis = result.result.analysis.resourceAnalysis;
    const sids = (statements: { statement: { sid(): string | undefined } }[] | undefined) =>
        (statements ?? []).map((s) => s.statement.sid() ?? "(no Sid)");
    return {
        decision: result.overallResult,
        allowedBy: sids(analysis?.allowStatements),
        deniedBy: sids(analysis?.denyStatements),
    };
}

/** An identity policy that allows every S3 action on every resource: the broadest a caller can bring. */
export const S3_ADMIN: IdentityPolicy = {
    Version: "2012-10-17",
    Statement: [{ Sid: "AllowAllOfS3", Effect: "Allow", Action: "s3:*", Resource: "*" }],
};
