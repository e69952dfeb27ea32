// What a CloudFront cache behaviour's response headers policy adds to one
// response, as a pure function of plain data.
import type { ResponseHeadersPolicyInputs } from "./cloudfront-inputs";
import { corsResponseHeaders, type CorsRequest } from "./cors-headers";
import type { HeaderMap } from "./http-headers";
import { securityResponseHeaders } from "./security-headers";

export type { CorsRequest as EdgeRequest } from "./cors-headers";

/**
 * The headers CloudFront adds to (or replaces in) the origin's response to
 * `request` under `policy`; merge them over `originHeaders` to get what the
 * viewer receives. No policy, no headers: a distribution without one passes
 * the origin's headers through untouched.
 *
 * Custom headers go on every response (CloudFront Developer Guide, "Understand
 * response headers policies", Custom headers), each keeping the origin's value
 * when its `override` is false and the origin sent that header.
 */
export function edgeResponseHeaders(
    policy: ResponseHeadersPolicyInputs | undefined,
    request: CorsRequest,
    originHeaders: HeaderMap = {},
): HeaderMap {
    if (policy === undefined) return {};
    const added: HeaderMap = {};
    if (policy.corsConfig) Object.assign(added, corsResponseHeaders(policy.corsConfig, request, originHeaders));
    if (policy.securityHeadersConfig) {
        Object.assign(added, securityResponseHeaders(policy.securityHeadersConfig, originHeaders));
    }
    for (const item of policy.customHeadersConfig?.items ?? []) {
        const name = item.header.toLowerCase();
        if (item.override || originHeaders[name] === undefined) added[name] = item.value;
    }
    return added;
}
