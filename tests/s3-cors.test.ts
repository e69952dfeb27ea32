import { strict as assert } from "node:assert";
import { s3AcceptsPreflight } from "./support/s3-cors";

const rules = [
    {
        allowedMethods: ["GET", "HEAD"],
        allowedOrigins: ["https://*.example.com"],
        allowedHeaders: ["Content-Type", "SP-Anonymous"],
    },
];
const preflight = (headers: Record<string, string>) => ({
    origin: "https://shop.example.com",
    "access-control-request-method": "GET",
    ...headers,
});

describe("the S3 stand-in's answer to a preflight", () => {
    it("accepts a preflight whose origin, method and headers a rule allows", () => {
        assert.equal(s3AcceptsPreflight(rules, preflight({ "access-control-request-headers": "sp-anonymous" })), true);
    });

    it("refuses an origin no rule allows", () => {
        assert.equal(s3AcceptsPreflight(rules, preflight({ origin: "https://evil.example.net" })), false);
    });

    it("refuses a method no rule allows", () => {
        assert.equal(s3AcceptsPreflight(rules, preflight({ "access-control-request-method": "POST" })), false);
    });

    it("refuses a header no rule allows", () => {
        assert.equal(
            s3AcceptsPreflight(rules, preflight({ "access-control-request-headers": "content-type, x-custom" })),
            false,
        );
    });

    it("refuses a preflight whose headers were not forwarded", () => {
        assert.equal(s3AcceptsPreflight(rules, {}), false);
    });

    it("matches * as any origin", () => {
        assert.equal(
            s3AcceptsPreflight(
                [{ ...rules[0], allowedOrigins: ["*"] }],
                preflight({ origin: "http://127.0.0.1:5000" }),
            ),
            true,
        );
    });
});
