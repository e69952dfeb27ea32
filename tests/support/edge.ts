// A loopback stand-in for the collector's CloudFront distribution: serves the
// pixel objects the way S3 behind origin access control does, refuses methods
// the cache behaviour does not allow, applies the response headers policy and
// records every request, so that tests can count what a tracker really sent.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { PixelObjectInputs, ResponseHeadersPolicyInputs, S3CorsRuleInputs } from "./cloudfront-inputs";
import { edgeResponseHeaders } from "./edge-headers";
import { toHeaderMap, type HeaderMap } from "./http-headers";
import { s3AcceptsPreflight } from "./s3-cors";

export { edgeResponseHeaders } from "./edge-headers";
export type { EdgeRequest } from "./edge-headers";

/**
 * What the edge is built from: the component's planned inputs, as plain data.
 *
 * - `pixels`: the inputs of each `aws.s3.BucketObjectv2` pixel object
 *   (`key`, `contentBase64`, `contentType`, optional `cacheControl`); the edge
 *   serves each at `/<key>`, whatever the query string.
 * - `allowedMethods`: the cache behaviour's `allowedMethods`, such as
 *   `["GET", "HEAD"]` or `["GET", "HEAD", "OPTIONS"]`.
 * - `responseHeadersPolicy`: the inputs of the `aws.cloudfront.ResponseHeadersPolicy`
 *   attached to that behaviour (`corsConfig`, `customHeadersConfig`,
 *   `securityHeadersConfig`), or absent for a behaviour without one.
 * - `bucketCorsRules`: the pixel bucket's `aws.s3.BucketCorsConfiguration`
 *   rules, which decide S3's answer to a preflight; none when absent.
 * - `forwardsCorsHeadersToOrigin`: whether the behaviour's origin request
 *   policy passes `Origin` and `Access-Control-Request-*` on to S3; without
 *   them S3 cannot match a CORS rule.
 */
export interface EdgePlan {
    pixels: readonly PixelObjectInputs[];
    allowedMethods: readonly string[];
    responseHeadersPolicy?: ResponseHeadersPolicyInputs;
    bucketCorsRules?: readonly S3CorsRuleInputs[];
    forwardsCorsHeadersToOrigin?: boolean;
}

/** One request the edge received, as the standard access log would record it and more. */
export interface RecordedRequest {
    method: string;
    /** The path without the query string, such as `/i`. */
    path: string;
    /** The raw query string without the `?`, empty when there was none. */
    query: string;
    headers: HeaderMap;
    /** When it arrived, in milliseconds since the epoch. */
    time: number;
    /** The status the edge answered with. */
    status: number;
}

/** A running edge: its base URL, what it received, and how to stop it. */
export interface Edge {
    /** `http://127.0.0.1:<port>`, with no trailing slash. */
    url: string;
    /** Every request received so far, oldest first; the array grows as requests arrive. */
    requests: RecordedRequest[];
    close(): Promise<void>;
}

// S3 with origin access control answers 403 (not 404) for a key it does not
// hold, because the distribution's principal may not list the bucket.
const S3_ACCESS_DENIED = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code></Error>';

/**
 * Starts an edge on 127.0.0.1 at a free port, answering as the distribution
 * that `plan` describes. See {@link EdgePlan} for the expected input shape.
 */
export async function startEdgeFor(plan: EdgePlan): Promise<Edge> {
    const requests: RecordedRequest[] = [];
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://edge.invalid");
        const headers = toHeaderMap(req.headers);
        const method = (req.method ?? "GET").toUpperCase();
        const answer = answerFor(plan, method, url.pathname, headers);
        const query = url.search.slice(1);
        requests.push({ method, path: url.pathname, query, headers, time: Date.now(), status: answer.status });
        // Drain any body so the connection can be reused, then answer; Node
        // itself leaves the body off a response to HEAD.
        req.resume();
        res.writeHead(answer.status, { ...answer.headers, "content-length": String(answer.body.length) });
        res.end(answer.body);
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => closeServer(server),
    };
}

interface Answer {
    status: number;
    headers: HeaderMap;
    body: Buffer;
}

function answerFor(plan: EdgePlan, method: string, path: string, headers: HeaderMap): Answer {
    // CloudFront itself refuses a method the cache behaviour does not allow,
    // before any origin or policy is involved.
    if (!plan.allowedMethods.includes(method)) {
        return { status: 403, headers: { "content-type": "text/plain" }, body: Buffer.from("method not allowed") };
    }
    const origin = originAnswer(plan, method, path, headers);
    const added = edgeResponseHeaders(plan.responseHeadersPolicy, { method, headers }, origin.headers);
    return { ...origin, headers: { ...origin.headers, ...added } };
}

// What the private bucket answers. An OPTIONS reaches S3 too, which answers
// 200 only when one of the bucket's CORS rules matches the preflight headers
// forwarded to it, and 403 otherwise (S3 User Guide, "Troubleshooting CORS");
// the policy's CORS headers are added on the way back either way.
function originAnswer(plan: EdgePlan, method: string, path: string, request: HeaderMap): Answer {
    if (method === "OPTIONS") {
        const forwarded = plan.forwardsCorsHeadersToOrigin ? request : {};
        if (s3AcceptsPreflight(plan.bucketCorsRules ?? [], forwarded)) {
            return { status: 200, headers: {}, body: Buffer.alloc(0) };
        }
        return { status: 403, headers: { "content-type": "application/xml" }, body: Buffer.from(S3_ACCESS_DENIED) };
    }
    const pixel = plan.pixels.find((object) => `/${object.key}` === path);
    if (pixel === undefined) {
        return { status: 403, headers: { "content-type": "application/xml" }, body: Buffer.from(S3_ACCESS_DENIED) };
    }
    const headers: HeaderMap = { "content-type": pixel.contentType };
    if (pixel.cacheControl !== undefined) headers["cache-control"] = pixel.cacheControl;
    return { status: 200, headers, body: Buffer.from(pixel.contentBase64, "base64") };
}

function closeServer(server: http.Server): Promise<void> {
    server.closeAllConnections();
    return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
