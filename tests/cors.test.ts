import { strict as assert } from "node:assert";
import { CloudfrontCollector, CloudfrontCollectorArgs, CollectorArgumentsError } from "../components";
import { build, T, uniqueName, useMockEngine } from "./support/harness";

type Cors = Record<string, any>;
const corsOf = async (args?: CloudfrontCollectorArgs): Promise<Cors> =>
    (await build(args)).child(T.responseHeaders, "response-headers").inputs.corsConfig as Cors;

function problemsOf(args: unknown): string[] {
    try {
        // A name of its own: accepted arguments register a collector.
        new CloudfrontCollector(uniqueName("cors"), args as CloudfrontCollectorArgs);
    } catch (err) {
        assert.ok(err instanceof CollectorArgumentsError, String(err));
        return err.problems.map((p) => `${p.argument}: ${p.accepted}`);
    }
    return [];
}

describe("CORS and caching", () => {
    useMockEngine();

    it("attaches a response headers policy to the distribution", async () => {
        const built = await build();
        const behavior = built.child(T.distribution, "distribution").inputs.defaultCacheBehavior as Record<
            string,
            unknown
        >;
        assert.equal(behavior.responseHeadersPolicyId, built.child(T.responseHeaders, "response-headers").outputs.id);
    });

    it("names the allowed origins and allows credentials, as the JavaScript tracker's fetch needs", async () => {
        const cors = await corsOf({ allowedOrigins: ["https://shop.example.com", "https://*.example.org"] });
        assert.deepEqual(cors.accessControlAllowOrigins, {
            items: ["https://shop.example.com", "https://*.example.org"],
        });
        assert.equal(cors.accessControlAllowCredentials, true);
    });

    it("allows any origin without credentials when no origin is listed", async () => {
        const cors = await corsOf();
        assert.deepEqual(cors.accessControlAllowOrigins, { items: ["*"] });
        assert.equal(cors.accessControlAllowCredentials, false);
    });

    it('treats ["*"] as no list: any origin, no credentials', async () => {
        const cors = await corsOf({ allowedOrigins: ["*"] });
        assert.deepEqual(
            [cors.accessControlAllowOrigins, cors.accessControlAllowCredentials],
            [{ items: ["*"] }, false],
        );
    });

    it("answers preflights: GET, HEAD and OPTIONS, the tracker's request headers, a two-hour max age", async () => {
        const cors = await corsOf({ allowedOrigins: ["https://shop.example.com"] });
        assert.deepEqual(cors.accessControlAllowMethods, { items: ["GET", "HEAD", "OPTIONS"] });
        assert.deepEqual(cors.accessControlAllowHeaders, { items: ["Content-Type", "SP-Anonymous"] });
        assert.equal(cors.accessControlMaxAgeSec, 7200);
    });

    it("overrides whatever CORS headers S3 sends", async () => {
        assert.equal((await corsOf()).originOverride, true);
    });

    it("forwards the preflight's headers to S3, whose CORS rule answers it with 200", async () => {
        const built = await build({ allowedOrigins: ["https://shop.example.com"] });
        const behavior = built.child(T.distribution, "distribution").inputs.defaultCacheBehavior as Record<
            string,
            unknown
        >;
        assert.equal(behavior.originRequestPolicyId, "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf");
        const cors = built.child(T.cors, "pixel-cors");
        assert.equal(cors.inputs.bucket, built.child(T.bucket, "pixel-bucket").outputs.bucket);
        assert.deepEqual(cors.inputs.corsRules, [
            {
                allowedMethods: ["GET", "HEAD"],
                allowedOrigins: ["https://shop.example.com"],
                allowedHeaders: ["Content-Type", "SP-Anonymous"],
                maxAgeSeconds: 7200,
            },
        ]);
    });

    it("tells viewers not to cache the pixel while the edge keeps it for a year", async () => {
        const built = await build();
        assert.equal(built.child(T.object, "pixel-i").inputs.cacheControl, "no-cache, no-store, must-revalidate");
        assert.equal(built.child(T.cachePolicy, "cache-policy").inputs.minTtl, 31536000);
    });

    const refused: [string, unknown, string][] = [
        ["an origin with a path", ["https://shop.example.com/page"], "allowedOrigins[0]"],
        ["an origin with a trailing slash", ["https://shop.example.com/"], "allowedOrigins[0]"],
        ["an origin without a scheme", ["shop.example.com"], "allowedOrigins[0]"],
        ["an origin with another scheme", ["ftp://shop.example.com"], "allowedOrigins[0]"],
        ["an origin with a port out of range", ["https://shop.example.com:70000"], "allowedOrigins[0]"],
        ["a wildcard in the middle", ["https://shop.*.example.com"], "allowedOrigins[0]"],
        ["an origin that is not a string", [7], "allowedOrigins[0]"],
        ["* among other origins", ["https://a.example.com", "*"], "allowedOrigins[1]"],
        ["a duplicated origin", ["https://a.example.com", "https://A.example.com"], "allowedOrigins[1]"],
        ["brackets that hold no IPv6 address", ["http://[:]"], "allowedOrigins[0]"],
        ["an IPv4 address out of range", ["http://999.1.1.1"], "allowedOrigins[0]"],
        ["an IPv4 address with leading zeros, which browsers read as octal", ["http://010.0.0.1"], "allowedOrigins[0]"],
        ["a host ending in a number that is no IPv4 address", ["http://shop.1"], "allowedOrigins[0]"],
        ["a port with a leading zero", ["http://shop.example.com:080"], "allowedOrigins[0]"],
        ["port 0", ["http://shop.example.com:0"], "allowedOrigins[0]"],
        [
            "a host name longer than 253 characters",
            [`https://${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}`],
            "allowedOrigins[0]",
        ],
        ["a hole in the list", [, "https://a.example.com"], "allowedOrigins[0]"],
        ["a wildcard with no domain after it", ["https://*"], "allowedOrigins[0]"],
        ["an origin with a leading space", [" https://shop.example.com"], "allowedOrigins[0]"],
        ["an origin with user info", ["https://user@shop.example.com"], "allowedOrigins[0]"],
    ];
    for (const [what, origins, argument] of refused) {
        it(`refuses ${what}, naming ${argument}`, () => {
            const problems = problemsOf({ allowedOrigins: origins });
            assert.equal(problems.length, 1, problems.join("\n"));
            assert.ok(problems[0].startsWith(`${argument}: `), problems[0]);
        });
    }

    for (const [scheme, port] of [
        ["https", "443"],
        ["http", "80"],
    ]) {
        it(`refuses an ${scheme} origin with port ${port}, which browsers leave out of the Origin header`, () => {
            assert.deepEqual(problemsOf({ allowedOrigins: [`${scheme}://shop.example.com:${port}`] }), [
                `allowedOrigins[0]: an origin without ":${port}": browsers leave the scheme's default port out of the Origin header, so this one would never match`,
            ]);
        });
    }

    it("says what an origin is when given something else", () => {
        assert.deepEqual(problemsOf({ allowedOrigins: ["https://shop.example.com/page"] }), [
            'allowedOrigins[0]: an origin: http:// or https://, a host name (or *.domain for its subdomains) and an optional port, no path or trailing "/", such as "https://www.example.com"',
        ]);
    });

    it("says why * cannot stand among other origins", () => {
        assert.deepEqual(problemsOf({ allowedOrigins: ["https://a.example.com", "*"] }), [
            'allowedOrigins[1]: "*" alone, not with other origins: credentials cannot be allowed for any origin',
        ]);
    });

    it("says when an origin is listed twice, whatever its case", () => {
        assert.deepEqual(problemsOf({ allowedOrigins: ["https://a.example.com", "https://A.example.com"] }), [
            "allowedOrigins[1]: each origin once: it is already in the list",
        ]);
    });

    it("refuses allowedOrigins that are not a list", () => {
        assert.deepEqual(problemsOf({ allowedOrigins: "https://a.example.com" }), [
            'allowedOrigins: a list of origins, such as ["https://www.example.com"]',
        ]);
    });

    const longHost = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`;
    for (const origin of [
        "http://localhost:8080",
        "https://*.example.com",
        "http://127.0.0.1:3000",
        "http://[::1]:8080",
        "https://xn--bcher-kva.example",
        "http://shop.example.com:443",
        "http://host1:3000",
        "http://1host:3000",
        "http://192.168.1.255",
        `https://${longHost}`,
    ]) {
        it(`accepts the origin ${origin}`, () => {
            assert.deepEqual(problemsOf({ allowedOrigins: [origin] }), []);
        });
    }
});

describe("the warning for a collector that lists no origin", () => {
    const engine = useMockEngine();

    /** The warnings logged for a collector built with `args`. */
    async function warningsFor(args?: CloudfrontCollectorArgs): Promise<string[]> {
        const built = await build(args);
        return engine()
            .warnings.filter((w) => w.resource === built.name)
            .map((w) => w.message);
    }

    it("warns, naming allowedOrigins and credentials: 'omit', when allowedOrigins is not given", async () => {
        const [warning, ...others] = await warningsFor();
        assert.deepEqual(others, []);
        assert.match(warning, /^allowedOrigins is empty/);
        assert.match(warning, /credentials: 'omit'/);
    });

    it("warns when allowedOrigins is an empty list, as a stack's config holds it by default", async () => {
        assert.equal((await warningsFor({ allowedOrigins: [] })).length, 1);
    });

    it('does not warn when ["*"] chooses any origin on purpose', async () => {
        assert.deepEqual(await warningsFor({ allowedOrigins: ["*"] }), []);
    });

    it("does not warn when origins are listed", async () => {
        assert.deepEqual(await warningsFor({ allowedOrigins: ["https://shop.example.com"] }), []);
    });
});
