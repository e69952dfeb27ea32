// The edge as the component plans it: the collector is built under the mock
// engine and the inputs of its pixel objects, cache behaviour, response
// headers policy and the pixel bucket's CORS rules become the edge's plan.
import { CloudfrontCollector, CloudfrontCollectorArgs } from "../../components";
import { CORS_S3_ORIGIN_REQUEST_POLICY_ID } from "../../components/cors";
import { PlannedResource, settle, startMockEngine } from "../../plan/engine";
import type { PixelObjectInputs, ResponseHeadersPolicyInputs, S3CorsRuleInputs } from "./cloudfront-inputs";
import type { EdgePlan } from "./edge";

let planned = 0;

/** Plans a collector with `args` and returns the edge that its distribution would be. */
export async function plannedEdge(args: CloudfrontCollectorArgs): Promise<EdgePlan> {
    const engine = await startMockEngine({ project: "cloudfront-collector", stack: "edge", region: "eu-west-1" });
    planned += 1;
    const name = `edge${planned}`;
    new CloudfrontCollector(name, args);
    await settle();
    const one = (type: string, suffix: string): PlannedResource => {
        const found = engine.resources.find((r) => r.type === type && r.name === `${name}-${suffix}`);
        if (found === undefined) throw new Error(`the plan has no ${type} ${name}-${suffix}`);
        return found;
    };
    const distribution = one("aws:cloudfront/distribution:Distribution", "distribution");
    const behavior = distribution.inputs.defaultCacheBehavior as Record<string, unknown>;
    const policyId = behavior.responseHeadersPolicyId;
    const policy = engine.resources.find(
        (r) => r.type === "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy" && r.outputs.id === policyId,
    );
    return {
        pixels: engine.resources
            .filter((r) => r.type === "aws:s3/bucketObjectv2:BucketObjectv2" && r.name.startsWith(`${name}-`))
            .map((r) => r.inputs as unknown as PixelObjectInputs),
        allowedMethods: behavior.allowedMethods as string[],
        responseHeadersPolicy: policy?.inputs as ResponseHeadersPolicyInputs | undefined,
        bucketCorsRules: one("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", "pixel-cors").inputs
            .corsRules as S3CorsRuleInputs[],
        forwardsCorsHeadersToOrigin: behavior.originRequestPolicyId === CORS_S3_ORIGIN_REQUEST_POLICY_ID,
    };
}

/** The same edge without its response headers policy: what a distribution lacking one answers. */
export function withoutPolicy(plan: EdgePlan): EdgePlan {
    return { ...plan, responseHeadersPolicy: undefined };
}
