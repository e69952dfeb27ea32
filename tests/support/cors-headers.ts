// The CORS part of a CloudFront response headers policy, as pure data in and
// out. Semantics from the CloudFront Developer Guide, "Understand response
// headers policies" (CORS headers) and "Use managed response headers policies"
// (CORS-With-Preflight), in brief:
// - the headers go only on responses to CORS requests (ones with an Origin);
// - Access-Control-Allow-Credentials: true only when the setting is true;
// - Allow-Methods, Allow-Headers and Max-Age only on preflight responses, and
//   Expose-Headers only on the others;
// - with originOverride false, a CORS header the origin sent is kept and the
//   policy's is not used; with true, the policy's replaces it.
import type { CorsConfigInputs } from "./cloudfront-inputs";
import type { HeaderMap } from "./http-headers";
import { matchOrigin } from "./origin-match";

/** What the CORS rules look at in a viewer request. */
export interface CorsRequest {
    /** The HTTP method, upper case. */
    method: string;
    /** The request headers, names in lower case. */
    headers: HeaderMap;
}

// `ALL` is the API's shorthand for every method a CORS config may list.
const ALL_METHODS = ["GET", "DELETE", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/** True for a CORS preflight: an OPTIONS with both Origin and Access-Control-Request-Method. */
export function isPreflight(request: CorsRequest): boolean {
    return (
        request.method === "OPTIONS" &&
        request.headers["origin"] !== undefined &&
        request.headers["access-control-request-method"] !== undefined
    );
}

/**
 * The CORS headers that `cors` makes CloudFront add to the response to
 * `request`, given the headers the origin sent. Empty when the request has no
 * Origin or its origin is not allowed.
 */
export function corsResponseHeaders(cors: CorsConfigInputs, request: CorsRequest, originHeaders: HeaderMap): HeaderMap {
    const origin = request.headers["origin"];
    if (origin === undefined) return {};
    const match = matchOrigin(cors.accessControlAllowOrigins.items ?? [], origin);
    if (match === undefined) return {};

    const wanted: HeaderMap = { "access-control-allow-origin": match.allowOrigin };
    if (cors.accessControlAllowCredentials) wanted["access-control-allow-credentials"] = "true";
    if (isPreflight(request)) {
        Object.assign(wanted, preflightHeaders(cors));
    } else {
        const expose = cors.accessControlExposeHeaders?.items ?? [];
        if (expose.length > 0) wanted["access-control-expose-headers"] = expose.join(", ");
    }

    const added: HeaderMap = {};
    for (const [name, value] of Object.entries(wanted)) {
        if (cors.originOverride || originHeaders[name] === undefined) added[name] = value;
    }
    // Assumption, not from CloudFront's guide: an echoed origin makes the
    // response differ by Origin, which the Fetch standard says to mark with
    // `Vary: Origin` so that no shared cache hands one origin's answer to another.
    if (match.echoesOrigin) added["vary"] = appendVary(originHeaders["vary"], "Origin");
    return added;
}

function preflightHeaders(cors: CorsConfigInputs): HeaderMap {
    const headers: HeaderMap = {};
    const methods = cors.accessControlAllowMethods.items ?? [];
    const expanded = methods.includes("ALL") ? ALL_METHODS : methods;
    if (expanded.length > 0) headers["access-control-allow-methods"] = expanded.join(", ");
    const allowHeaders = cors.accessControlAllowHeaders.items ?? [];
    if (allowHeaders.length > 0) headers["access-control-allow-headers"] = allowHeaders.join(", ");
    if (cors.accessControlMaxAgeSec !== undefined) {
        headers["access-control-max-age"] = String(cors.accessControlMaxAgeSec);
    }
    return headers;
}

function appendVary(existing: string | undefined, name: string): string {
    if (existing === undefined || existing.trim() === "") return name;
    const names = existing.split(",").map((part) => part.trim().toLowerCase());
    return names.includes(name.toLowerCase()) || names.includes("*") ? existing : `${existing}, ${name}`;
}
