// How S3 answers a CORS preflight (OPTIONS) from its bucket's CORS rules: 200
// when a rule matches the Origin, the requested method and every requested
// header, 403 otherwise (S3 User Guide, "How does Amazon S3 evaluate the CORS
// configuration on a bucket?").
import type { S3CorsRuleInputs } from "./cloudfront-inputs";
import type { HeaderMap } from "./http-headers";

/** Whether S3 accepts the preflight described by `headers` under `rules`. */
export function s3AcceptsPreflight(rules: readonly S3CorsRuleInputs[], headers: HeaderMap): boolean {
    const origin = headers["origin"];
    const method = headers["access-control-request-method"];
    if (origin === undefined || method === undefined) return false;
    const requested = (headers["access-control-request-headers"] ?? "")
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean);
    return rules.some(
        (rule) =>
            rule.allowedOrigins.some((allowed) => wildcardMatch(allowed, origin)) &&
            rule.allowedMethods.includes(method) &&
            requested.every((h) =>
                (rule.allowedHeaders ?? []).some((allowed) => wildcardMatch(allowed.toLowerCase(), h)),
            ),
    );
}

// S3 allows one "*" in an AllowedOrigin or AllowedHeader, matching any run of characters.
function wildcardMatch(pattern: string, value: string): boolean {
    const star = pattern.indexOf("*");
    if (star < 0) return pattern === value;
    const head = pattern.slice(0, star);
    const tail = pattern.slice(star + 1);
    return value.length >= head.length + tail.length && value.startsWith(head) && value.endsWith(tail);
}
