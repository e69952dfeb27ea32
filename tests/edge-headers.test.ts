import { strict as assert } from "node:assert";
import { edgeResponseHeaders } from "./support/edge";
import { corsPolicy } from "./support/fixtures";
import type { EdgeRequest } from "./support/edge";

const PAGE = "https://www.example.com";

function get(origin?: string): EdgeRequest {
    return { method: "GET", headers: origin === undefined ? {} : { origin } };
}

function preflight(origin: string): EdgeRequest {
    return { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } };
}

describe("edgeResponseHeaders: CORS", () => {
    it("echoes a listed origin in Access-Control-Allow-Origin", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], false), get(PAGE));
        assert.equal(added["access-control-allow-origin"], PAGE);
    });

    it("adds no CORS headers for an origin that is not listed", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], true), get("https://evil.example.net"));
        assert.deepEqual(added, {});
    });

    it("adds no CORS headers to a request without an Origin", () => {
        assert.deepEqual(edgeResponseHeaders(corsPolicy(["*"], false), get()), {});
    });

    it("answers * for any origin when the policy lists *", () => {
        const added = edgeResponseHeaders(corsPolicy(["*"], false), get(PAGE));
        assert.equal(added["access-control-allow-origin"], "*");
    });

    it("prefers echoing a listed origin over * when both are listed", () => {
        const added = edgeResponseHeaders(corsPolicy(["*", PAGE], false), get(PAGE));
        assert.equal(added["access-control-allow-origin"], PAGE);
    });

    it("matches a leftmost-label wildcard against a subdomain and echoes it", () => {
        const added = edgeResponseHeaders(
            corsPolicy(["https://*.example.com"], false),
            get("https://shop.eu.example.com"),
        );
        assert.equal(added["access-control-allow-origin"], "https://shop.eu.example.com");
    });

    it("does not match a wildcard against the bare parent domain", () => {
        const added = edgeResponseHeaders(corsPolicy(["https://*.example.com"], false), get("https://example.com"));
        assert.deepEqual(added, {});
    });

    it("does not match a wildcard against another scheme", () => {
        const added = edgeResponseHeaders(corsPolicy(["https://*.example.com"], false), get("http://www.example.com"));
        assert.deepEqual(added, {});
    });

    it("does not match a wildcard against a look-alike domain", () => {
        const added = edgeResponseHeaders(
            corsPolicy(["https://*.example.com"], false),
            get("https://www.badexample.com"),
        );
        assert.deepEqual(added, {});
    });

    it("refuses a policy with a wildcard that is not the leftmost label", () => {
        assert.throws(
            () => edgeResponseHeaders(corsPolicy(["https://www.*.example.com"], false), get(PAGE)),
            /accessControlAllowOrigins item "https:\/\/www\.\*\.example\.com": CloudFront allows "\*" only alone/,
        );
    });

    it("adds Access-Control-Allow-Credentials: true when credentials are allowed", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], true), get(PAGE));
        assert.equal(added["access-control-allow-credentials"], "true");
    });

    it("adds no Access-Control-Allow-Credentials when credentials are not allowed", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], false), get(PAGE));
        assert.equal(added["access-control-allow-credentials"], undefined);
    });

    it("marks an echoed origin with Vary: Origin", () => {
        assert.equal(edgeResponseHeaders(corsPolicy([PAGE], false), get(PAGE))["vary"], "Origin");
    });

    it("adds no Vary when it answers *", () => {
        assert.equal(edgeResponseHeaders(corsPolicy(["*"], false), get(PAGE))["vary"], undefined);
    });

    it("appends Origin to a Vary the origin sent", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], false), get(PAGE), { vary: "Accept-Encoding" });
        assert.equal(added["vary"], "Accept-Encoding, Origin");
    });

    it("answers a preflight with the allowed methods, headers and max age", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], true), preflight(PAGE));
        assert.deepEqual(
            [
                added["access-control-allow-methods"],
                added["access-control-allow-headers"],
                added["access-control-max-age"],
            ],
            ["GET, HEAD, OPTIONS", "*", "600"],
        );
    });

    it("expands ALL to every method in a preflight answer", () => {
        const policy = corsPolicy([PAGE], false);
        policy.corsConfig!.accessControlAllowMethods = { items: ["ALL"] };
        const added = edgeResponseHeaders(policy, preflight(PAGE));
        assert.equal(added["access-control-allow-methods"], "GET, DELETE, HEAD, OPTIONS, PATCH, POST, PUT");
    });

    it("leaves preflight-only headers off an ordinary CORS response", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], true), get(PAGE));
        assert.deepEqual(
            [
                added["access-control-allow-methods"],
                added["access-control-allow-headers"],
                added["access-control-max-age"],
            ],
            [undefined, undefined, undefined],
        );
    });

    it("treats an OPTIONS without Access-Control-Request-Method as no preflight", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], false), { method: "OPTIONS", headers: { origin: PAGE } });
        assert.equal(added["access-control-allow-methods"], undefined);
    });

    it("exposes the listed headers on an ordinary CORS response only", () => {
        const policy = corsPolicy([PAGE], false);
        policy.corsConfig!.accessControlExposeHeaders = { items: ["X-Amz-Cf-Id", "Date"] };
        assert.deepEqual(
            [
                edgeResponseHeaders(policy, get(PAGE))["access-control-expose-headers"],
                edgeResponseHeaders(policy, preflight(PAGE))["access-control-expose-headers"],
            ],
            ["X-Amz-Cf-Id, Date", undefined],
        );
    });

    it("keeps the origin's CORS header when originOverride is false", () => {
        const policy = corsPolicy([PAGE], false);
        policy.corsConfig!.originOverride = false;
        const added = edgeResponseHeaders(policy, get(PAGE), {
            "access-control-allow-origin": "https://other.example",
        });
        assert.equal(added["access-control-allow-origin"], undefined);
    });

    it("replaces the origin's CORS header when originOverride is true", () => {
        const added = edgeResponseHeaders(corsPolicy([PAGE], false), get(PAGE), {
            "access-control-allow-origin": "https://other.example",
        });
        assert.equal(added["access-control-allow-origin"], PAGE);
    });
});

describe("edgeResponseHeaders: no policy, custom and security headers", () => {
    it("adds nothing when the behaviour has no response headers policy", () => {
        assert.deepEqual(edgeResponseHeaders(undefined, get(PAGE)), {});
    });

    it("adds custom headers to responses to requests without an Origin", () => {
        const added = edgeResponseHeaders(
            { customHeadersConfig: { items: [{ header: "X-Collector", value: "snowplow", override: false }] } },
            get(),
        );
        assert.equal(added["x-collector"], "snowplow");
    });

    it("keeps the origin's value of a custom header whose override is false", () => {
        const policy = {
            customHeadersConfig: { items: [{ header: "Cache-Control", value: "no-store", override: false }] },
        };
        assert.equal(edgeResponseHeaders(policy, get(), { "cache-control": "max-age=60" })["cache-control"], undefined);
    });

    it("replaces the origin's value of a custom header whose override is true", () => {
        const policy = {
            customHeadersConfig: { items: [{ header: "Cache-Control", value: "no-store", override: true }] },
        };
        assert.equal(
            edgeResponseHeaders(policy, get(), { "cache-control": "max-age=60" })["cache-control"],
            "no-store",
        );
    });

    it("adds the configured security headers", () => {
        const added = edgeResponseHeaders(
            {
                securityHeadersConfig: {
                    contentTypeOptions: { override: true },
                    strictTransportSecurity: {
                        accessControlMaxAgeSec: 31536000,
                        includeSubdomains: true,
                        override: true,
                    },
                },
            },
            get(),
        );
        assert.deepEqual(
            [added["x-content-type-options"], added["strict-transport-security"]],
            ["nosniff", "max-age=31536000; includeSubDomains"],
        );
    });
});
