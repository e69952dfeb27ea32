// The security headers part of a CloudFront response headers policy. Source:
// CloudFront Developer Guide, "Understand response headers policies", Security
// headers: each header goes on every response; with its `override` false, a
// header the origin already sent is kept instead.
import type { SecurityHeadersInputs } from "./cloudfront-inputs";
import type { HeaderMap } from "./http-headers";

/** The security headers that `config` makes CloudFront add, given the origin's headers. */
export function securityResponseHeaders(config: SecurityHeadersInputs, originHeaders: HeaderMap): HeaderMap {
    const added: HeaderMap = {};
    const put = (name: string, value: string, override: boolean): void => {
        if (override || originHeaders[name] === undefined) added[name] = value;
    };
    const { contentSecurityPolicy, contentTypeOptions, frameOptions, referrerPolicy } = config;
    if (contentSecurityPolicy) {
        put("content-security-policy", contentSecurityPolicy.contentSecurityPolicy, contentSecurityPolicy.override);
    }
    if (contentTypeOptions) put("x-content-type-options", "nosniff", contentTypeOptions.override);
    if (frameOptions) put("x-frame-options", frameOptions.frameOption, frameOptions.override);
    if (referrerPolicy) put("referrer-policy", referrerPolicy.referrerPolicy, referrerPolicy.override);
    const hsts = config.strictTransportSecurity;
    if (hsts) {
        const directives = [`max-age=${hsts.accessControlMaxAgeSec}`];
        if (hsts.includeSubdomains) directives.push("includeSubDomains");
        if (hsts.preload) directives.push("preload");
        put("strict-transport-security", directives.join("; "), hsts.override);
    }
    const xss = config.xssProtection;
    if (xss) {
        const directives = [xss.protection ? "1" : "0"];
        if (xss.modeBlock) directives.push("mode=block");
        if (xss.reportUri !== undefined) directives.push(`report=${xss.reportUri}`);
        put("x-xss-protection", directives.join("; "), xss.override);
    }
    return added;
}
