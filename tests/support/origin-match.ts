// How a CloudFront CORS config's `accessControlAllowOrigins` items match a
// request's Origin header. Source: CloudFront Developer Guide, "Understand
// response headers policies", CORS headers, Access-Control-Allow-Origin: an
// item is a specific origin, `*` for every origin, or has `*` as the leftmost
// label of the domain (`*.example.org`); a `*` anywhere else (`example.*`,
// `test.*.example.org`, `exa*mple.org`) is not allowed, so CloudFront refuses
// such a policy and this module throws.

/** What a request's origin matched: the value for Access-Control-Allow-Origin. */
export type OriginMatch = { allowOrigin: string; echoesOrigin: boolean };

/**
 * Finds the Access-Control-Allow-Origin value for `origin`, or undefined when no
 * item allows it. An exact item or a subdomain wildcard echoes the request's
 * origin; a bare `*` answers `*`. Exact and wildcard items win over `*` so that
 * a listed origin keeps getting its own name back.
 */
export function matchOrigin(items: readonly string[], origin: string): OriginMatch | undefined {
    items.forEach(checkOriginItem);
    const echo = items.some((item) => item !== "*" && itemAllows(item, origin));
    if (echo) return { allowOrigin: origin, echoesOrigin: true };
    if (items.includes("*")) return { allowOrigin: "*", echoesOrigin: false };
    return undefined;
}

/** Throws when `item` puts `*` where CloudFront does not accept it. */
export function checkOriginItem(item: string): void {
    if (item === "*" || !item.includes("*")) return;
    const host = stripScheme(item);
    if (!host.startsWith("*.") || host.indexOf("*", 1) !== -1) {
        throw new Error(
            `accessControlAllowOrigins item ${JSON.stringify(item)}: CloudFront allows "*" only alone ` +
                `or as the leftmost label of the domain, as in "https://*.example.com"`,
        );
    }
}

function itemAllows(item: string, origin: string): boolean {
    const wanted = item.toLowerCase();
    const got = origin.toLowerCase();
    if (!wanted.includes("*")) return wanted === got;
    // A wildcard item with a scheme only matches that scheme; one without a
    // scheme (the guide's own `*.example.org`) matches any scheme.
    const scheme = schemeOf(wanted);
    if (scheme !== undefined && scheme !== schemeOf(got)) return false;
    const suffix = stripScheme(wanted).slice(1); // ".example.org[:port]"
    const host = stripScheme(got);
    // The `*` stands for one or more whole labels, never for nothing: the
    // apex domain itself is not a subdomain of itself.
    return host.endsWith(suffix) && host.length > suffix.length;
}

function schemeOf(origin: string): string | undefined {
    const at = origin.indexOf("://");
    return at === -1 ? undefined : origin.slice(0, at);
}

function stripScheme(origin: string): string {
    const at = origin.indexOf("://");
    return at === -1 ? origin : origin.slice(at + 3);
}
