import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { isIPv6 } from "node:net";
import { elementsOf, Problems } from "./problems";

/**
 * The request headers a tracker may send that make a browser ask first (a
 * CORS preflight): `Content-Type` with a JSON body, and `SP-Anonymous` from the
 * JavaScript tracker's server-side anonymisation. A plain tracker `GET` sends
 * neither and is never preflighted.
 */
export const TRACKER_REQUEST_HEADERS = ["Content-Type", "SP-Anonymous"];

/** How long browsers may cache a preflight's answer, in seconds; Chromium caps it at two hours. */
export const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * CloudFront's managed origin request policy "CORS-S3Origin": it forwards
 * `Origin` and the preflight's `Access-Control-Request-*` headers to S3, so
 * that the bucket's CORS rules can answer a preflight with 200.
 * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html.
 */
export const CORS_S3_ORIGIN_REQUEST_POLICY_ID = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf";

/** Who may read the collector's responses from a page, once checked. */
export interface CorsSettings {
    /** The origins in `Access-Control-Allow-Origin`, or `["*"]` for any. */
    origins: string[];
    /** Whether the response allows credentials; never with `*`. */
    credentials: boolean;
}

// scheme://host[:port], and nothing after it: no path, query or trailing slash.
const ORIGIN_SHAPE = /^(https?):\/\/([^/?#:[\]]+|\[[^\]]*\])(?::(\d*))?$/i;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const DEFAULT_PORTS: Record<string, string> = { http: "80", https: "443" };
const ORIGIN_RULES =
    'an origin: http:// or https://, a host name (or *.domain for its subdomains) and an optional port, no path or trailing "/", such as "https://www.example.com"';

/**
 * Why no browser would send `origin` in its `Origin` header, or `undefined`
 * if one can (RFC 6454, and the URL standard's host parsing): the response
 * headers policy only answers a request whose Origin is listed.
 */
export function originProblem(origin: string): string | undefined {
    const match = ORIGIN_SHAPE.exec(origin);
    if (match === null) return ORIGIN_RULES;
    const [, scheme, host, port] = match;
    if (port !== undefined && (!/^[1-9]\d{0,4}$/.test(port) || Number(port) > 65535)) return ORIGIN_RULES;
    if (port === DEFAULT_PORTS[scheme.toLowerCase()]) {
        return `an origin without ":${port}": browsers leave the scheme's default port out of the Origin header, so this one would never match`;
    }
    return isOriginHost(host) ? undefined : ORIGIN_RULES;
}

/**
 * A DNS name of at most 253 characters, optionally with "*." in front for
 * any subdomain (as CloudFront allows); an IPv4 address, written as browsers
 * write it; or an IPv6 address in brackets.
 */
function isOriginHost(host: string): boolean {
    if (host.startsWith("[")) return isIPv6(host.slice(1, -1));
    const labels = host.split(".");
    // Browsers read a host that ends in a number as an IPv4 address: four
    // decimal numbers up to 255, or the URL is invalid (or, with leading
    // zeros or fewer parts, names another address than the one written).
    if (/^\d+$/.test(labels[labels.length - 1])) {
        return (
            labels.length === 4 && labels.every((octet) => /^(?:0|[1-9]\d{0,2})$/.test(octet) && Number(octet) <= 255)
        );
    }
    if (labels[0] === "*") labels.shift();
    return host.length <= 253 && labels.length > 0 && labels.every((label) => DNS_LABEL.test(label));
}

/** Checks `allowedOrigins`. */
export function checkAllowedOrigins(origins: unknown, problems: Problems): CorsSettings {
    const anyOrigin: CorsSettings = { origins: ["*"], credentials: false };
    if (origins === undefined) return anyOrigin;
    if (!Array.isArray(origins)) {
        problems.add("allowedOrigins", origins, 'a list of origins, such as ["https://www.example.com"]');
        return anyOrigin;
    }
    if (origins.length === 0 || (origins.length === 1 && origins[0] === "*")) return anyOrigin;

    const seen = new Set<string>();
    elementsOf(origins).forEach((origin, index) => {
        const argument = `allowedOrigins[${index}]`;
        if (origin === "*") {
            problems.add(
                argument,
                origin,
                '"*" alone, not with other origins: credentials cannot be allowed for any origin',
            );
            return;
        }
        const problem = typeof origin === "string" ? originProblem(origin) : ORIGIN_RULES;
        if (problem !== undefined) {
            problems.add(argument, origin, problem);
        } else if (seen.has((origin as string).toLowerCase())) {
            problems.add(argument, origin, "each origin once: it is already in the list");
        } else {
            seen.add((origin as string).toLowerCase());
        }
    });
    return { origins: origins as string[], credentials: true };
}

/**
 * The response headers policy that lets a tracker on an allowed page read the
 * collector's answer. Without it the browser rejects every response, and the
 * tracker counts each event as failed and sends it again.
 */
export function createResponseHeadersPolicy(
    name: string,
    cors: CorsSettings,
    opts: pulumi.CustomResourceOptions,
): aws.cloudfront.ResponseHeadersPolicy {
    return new aws.cloudfront.ResponseHeadersPolicy(
        `${name}-response-headers`,
        {
            comment: `Lets trackers on the ${name} collector's allowed origins read its responses`,
            corsConfig: {
                accessControlAllowOrigins: { items: cors.origins },
                accessControlAllowCredentials: cors.credentials,
                accessControlAllowMethods: { items: ["GET", "HEAD", "OPTIONS"] },
                accessControlAllowHeaders: { items: TRACKER_REQUEST_HEADERS },
                accessControlMaxAgeSec: PREFLIGHT_MAX_AGE_SECONDS,
                // Whatever S3 says about CORS, the policy decides.
                originOverride: true,
            },
        },
        opts,
    );
}

/**
 * The pixel bucket's own CORS rule. CloudFront passes a preflight (OPTIONS) on
 * to S3, which answers 403 unless a rule matches; the response headers policy
 * then sets the headers the browser reads.
 */
export function pixelBucketCorsRules(cors: CorsSettings): aws.types.input.s3.BucketCorsConfigurationCorsRule[] {
    return [
        {
            allowedMethods: ["GET", "HEAD"],
            allowedOrigins: cors.origins,
            allowedHeaders: TRACKER_REQUEST_HEADERS,
            maxAgeSeconds: PREFLIGHT_MAX_AGE_SECONDS,
        },
    ];
}
