import { strict as assert } from "node:assert";
import { CloudfrontCollector, CloudfrontCollectorArgs, CollectorArgumentsError } from "../components";
import { build, T, useMockEngine } from "./support/harness";

/** Builds with `args` (typed loosely, as from JavaScript or config) and returns the error thrown. */
function refusal(args: unknown, name = "bad"): CollectorArgumentsError {
    try {
        new CloudfrontCollector(name, args as CloudfrontCollectorArgs);
    } catch (err) {
        assert.ok(err instanceof CollectorArgumentsError, `threw ${err}`);
        return err;
    }
    assert.fail(`accepted ${JSON.stringify(args)}`);
}

const webAcl = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/bots/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const WEB_ACL_RULES =
    "the ARN of a WAFv2 web ACL with scope CLOUDFRONT (arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<uuid>)";

describe("argument checks", () => {
    const engine = useMockEngine();

    const cases: [string, unknown, string][] = [
        [
            "a log prefix with a leading /",
            { logPrefix: "/logs/" },
            'logPrefix: got "/logs/"; expected a key prefix without a leading "/" (for example "logs/"), or "" for none',
        ],
        [
            "a log prefix that is not a string",
            { logPrefix: 7 },
            'logPrefix: got 7; expected a string, such as "cloudfront/"',
        ],
        [
            "a log prefix with a control character",
            { logPrefix: "a\nb" },
            'logPrefix: got "a\\nb"; expected a key prefix without control characters',
        ],
        [
            "a log prefix too long for an S3 key",
            { logPrefix: "x".repeat(985) },
            `logPrefix: got "${"x".repeat(985)}"; expected a key prefix of at most 984 bytes (UTF-8), leaving room in the 1,024-byte S3 key for CloudFront's file name`,
        ],
        [
            "an empty list of pixel paths",
            { pixelPaths: [] },
            'pixelPaths: got []; expected a non-empty list of paths, such as ["i"]',
        ],
        [
            "pixel paths that are not a list",
            { pixelPaths: "i" },
            'pixelPaths: got "i"; expected a non-empty list of paths, such as ["i"]',
        ],
        ["an empty pixel path", { pixelPaths: ["i", ""] }, 'pixelPaths[1]: got ""; expected a non-empty path'],
        [
            "a pixel path with a leading /",
            { pixelPaths: ["/i"] },
            'pixelPaths[0]: got "/i"; expected a path without a leading "/" (for example "i")',
        ],
        [
            "a duplicated pixel path",
            { pixelPaths: ["i", "ice.png", "i"] },
            'pixelPaths[2]: got "i"; expected each path once: it is already in the list',
        ],
        [
            "a pixel path carrying a query string",
            { pixelPaths: ["i?e=pv"] },
            'pixelPaths[0]: got "i?e=pv"; expected a path without "?" or "#": the query string carries the event, not the path',
        ],
        [
            "a pixel path with a fragment",
            { pixelPaths: ["i#x"] },
            'pixelPaths[0]: got "i#x"; expected a path without "?" or "#": the query string carries the event, not the path',
        ],
        [
            "a pixel path with a backslash",
            { pixelPaths: ["a\\i"] },
            'pixelPaths[0]: got "a\\\\i"; expected a path without "\\": browsers turn it into "/"',
        ],
        [
            "a pixel path with a dot segment",
            { pixelPaths: ["a/../i"] },
            'pixelPaths[0]: got "a/../i"; expected a path without "." or ".." segments: browsers and CloudFront remove them before the request reaches S3',
        ],
        ["a pixel path that is not a string", { pixelPaths: [42] }, "pixelPaths[0]: got 42; expected a string"],
        [
            "a pixel path too long for an S3 key",
            { pixelPaths: ["é".repeat(513)] },
            `pixelPaths[0]: got "${"é".repeat(513)}"; expected a path of at most 1024 bytes (UTF-8), the S3 key limit`,
        ],
        [
            "an unknown price class",
            { priceClass: "PriceClass_300" },
            'priceClass: got "PriceClass_300"; expected one of "PriceClass_100", "PriceClass_200", "PriceClass_All"',
        ],
        [
            "an unknown viewer protocol policy",
            { viewerProtocolPolicy: "http-only" },
            'viewerProtocolPolicy: got "http-only"; expected one of "allow-all", "https-only"',
        ],
        [
            "a redirect to HTTPS",
            { viewerProtocolPolicy: "redirect-to-https" },
            'viewerProtocolPolicy: got "redirect-to-https"; expected one of "allow-all", "https-only": a redirect would log every plain-HTTP event twice',
        ],
        [
            "includeCookies that is not a boolean",
            { includeCookies: "false" },
            'includeCookies: got "false"; expected true or false',
        ],
        [
            "retainLogBucket that is not a boolean",
            { retainLogBucket: 0 },
            "retainLogBucket: got 0; expected true or false",
        ],
        [
            "forceDestroyLogBucket that is not a boolean",
            { forceDestroyLogBucket: "yes" },
            'forceDestroyLogBucket: got "yes"; expected true or false',
        ],
        [
            "forceDestroyLogBucket on a retained log bucket",
            { forceDestroyLogBucket: true },
            "forceDestroyLogBucket: got true; expected true only with retainLogBucket: false, which lets the log bucket be deleted at all",
        ],
        [
            "a comment over 128 characters",
            { comment: "c".repeat(129) },
            `comment: got "${"c".repeat(129)}"; expected a string of at most 128 characters`,
        ],
        [
            "a web ACL outside us-east-1",
            { webAclArn: webAcl.replace("us-east-1", "eu-west-1") },
            `webAclArn: got "${webAcl.replace("us-east-1", "eu-west-1")}"; expected ${WEB_ACL_RULES}`,
        ],
        [
            "tags that are not a map",
            { tags: ["team"] },
            'tags: got ["team"]; expected a map of tag names to string values',
        ],
        [
            "a tag key starting with aws:",
            { tags: { "aws:team": "x" } },
            'tags key "aws:team": got "aws:team"; expected a key of 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:',
        ],
        [
            "a tag value that is not a string",
            { tags: { team: 1 } },
            'tags["team"]: got 1; expected a string of at most 256 letters, digits, spaces or _ . : / = + - @, not starting with aws:',
        ],
        [
            "a tag value with a character AWS refuses",
            { tags: { team: "a&b" } },
            'tags["team"]: got "a&b"; expected a string of at most 256 letters, digits, spaces or _ . : / = + - @, not starting with aws:',
        ],
        [
            "a pixel path with an unpaired surrogate",
            { pixelPaths: ["i\ud800"] },
            'pixelPaths[0]: got "i\\ud800"; expected a path of well-formed Unicode: S3 keys are UTF-8, which has no encoding for an unpaired surrogate',
        ],
        [
            "a hole in the list of pixel paths",
            { pixelPaths: [, "i"] },
            "pixelPaths[0]: got undefined; expected a string",
        ],
        [
            "a log prefix with a character XML cannot carry",
            { logPrefix: "logs\uffff/" },
            "logPrefix: got \"logs\uffff/\"; expected a key prefix that XML can carry, as CloudFront's and S3's APIs need: no unpaired surrogate, U+FFFE or U+FFFF",
        ],
        [
            "a log prefix with an unpaired surrogate",
            { logPrefix: "logs\udc00/" },
            "logPrefix: got \"logs\\udc00/\"; expected a key prefix that XML can carry, as CloudFront's and S3's APIs need: no unpaired surrogate, U+FFFE or U+FFFF",
        ],
        [
            "a comment with a control character",
            { comment: "shop\u0000events" },
            'comment: got "shop\\u0000events"; expected characters that XML can carry, as CloudFront\'s API needs: no control character but tab and line breaks, no unpaired surrogate, U+FFFE or U+FFFF',
        ],
        [
            "a web ACL whose name WAF would refuse",
            { webAclArn: webAcl.replace("/bots/", "/bot traffic/") },
            `webAclArn: got "${webAcl.replace("/bots/", "/bot traffic/")}"; expected ${WEB_ACL_RULES}`,
        ],
        [
            "a web ACL whose ID is not a UUID",
            { webAclArn: webAcl.replace(/[^/]+$/, "0a1b2c3d") },
            `webAclArn: got "${webAcl.replace(/[^/]+$/, "0a1b2c3d")}"; expected ${WEB_ACL_RULES}`,
        ],
        [
            "a web ACL from a partition without us-east-1",
            { webAclArn: webAcl.replace("arn:aws:", "arn:aws-cn:") },
            `webAclArn: got "${webAcl.replace("arn:aws:", "arn:aws-cn:")}"; expected ${WEB_ACL_RULES}`,
        ],
        [
            "tags given as a Map, whose entries a map of tags would lose",
            { tags: new Map([["team", "data"]]) },
            "tags: got {}; expected a map of tag names to string values",
        ],
        [
            "tags given as a String object, whose characters would become tags",
            { tags: new String("data") },
            'tags: got "data"; expected a map of tag names to string values',
        ],
        [
            "a tag value starting with aws:, which AWS reserves",
            { tags: { team: "AWS:data" } },
            'tags["team"]: got "AWS:data"; expected a string of at most 256 letters, digits, spaces or _ . : / = + - @, not starting with aws:',
        ],
        [
            "a pixel path with a control character",
            { pixelPaths: ["i\n"] },
            'pixelPaths[0]: got "i\\n"; expected a path without control characters',
        ],
        [
            "a pixel path with a . segment",
            { pixelPaths: ["./i"] },
            'pixelPaths[0]: got "./i"; expected a path without "." or ".." segments: browsers and CloudFront remove them before the request reaches S3',
        ],
        [
            "a pixel path with leading slashes, suggesting it without them",
            { pixelPaths: ["//ice.png"] },
            'pixelPaths[0]: got "//ice.png"; expected a path without a leading "/" (for example "ice.png")',
        ],
        [
            "a pixel path of slashes alone, suggesting i",
            { pixelPaths: ["/"] },
            'pixelPaths[0]: got "/"; expected a path without a leading "/" (for example "i")',
        ],
        [
            "a log prefix with leading slashes, suggesting it without them",
            { logPrefix: "//logs/" },
            'logPrefix: got "//logs/"; expected a key prefix without a leading "/" (for example "logs/"), or "" for none',
        ],
        [
            "a web ACL ARN with text before it",
            { webAclArn: ` ${webAcl}` },
            `webAclArn: got " ${webAcl}"; expected ${WEB_ACL_RULES}`,
        ],
        [
            "a web ACL ARN with text after it",
            { webAclArn: `${webAcl}/rules` },
            `webAclArn: got "${webAcl}/rules"; expected ${WEB_ACL_RULES}`,
        ],
        ["tags: null", { tags: null }, "tags: got null; expected a map of tag names to string values"],
        [
            "an empty tag key",
            { tags: { "": "x" } },
            'tags key "": got ""; expected a key of 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:',
        ],
        [
            "a tag key of 129 characters",
            { tags: { ["k".repeat(129)]: "x" } },
            `tags key "${"k".repeat(129)}": got "${"k".repeat(129)}"; expected a key of 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:`,
        ],
        [
            "a tag value of 257 characters",
            { tags: { team: "v".repeat(257) } },
            `tags["team"]: got "${"v".repeat(257)}"; expected a string of at most 256 letters, digits, spaces or _ . : / = + - @, not starting with aws:`,
        ],
        [
            "more than 50 tags",
            { tags: Object.fromEntries([...Array(51).keys()].map((i) => [`k${i}`, "v"])) },
            'tags: got "51 tags"; expected at most 50 tags',
        ],
    ];

    for (const [what, args, message] of cases) {
        it(`refuses ${what}, naming the argument, the value and what is accepted`, () => {
            const err = refusal(args);
            assert.equal(err.message, `CloudfrontCollector "bad" has an invalid argument:\n  - ${message}`);
        });
    }

    it("reports every invalid argument at once", () => {
        const err = refusal({ logPrefix: "/x", priceClass: "cheap", pixelPaths: ["/i", "?"] });
        assert.deepEqual(
            err.problems.map((p) => p.argument),
            ["pixelPaths[0]", "pixelPaths[1]", "logPrefix", "priceClass"],
        );
        assert.match(err.message, /^CloudfrontCollector "bad" has 4 invalid arguments:\n/);
    });

    it("registers nothing when an argument is invalid", () => {
        const before = engine().resources.length;
        refusal({ logPrefix: "/x" }, "nothing-registered");
        assert.equal(engine().resources.length, before);
    });

    it("refuses args that are not an object", () => {
        assert.deepEqual(refusal("i").problems, [
            { argument: "args", value: "i", accepted: "an object of collector arguments" },
        ]);
    });

    it("lists the problems one per line", () => {
        const err = refusal({ logPrefix: "/x", priceClass: "cheap" });
        assert.equal(
            err.message,
            'CloudfrontCollector "bad" has 2 invalid arguments:\n' +
                '  - logPrefix: got "/x"; expected a key prefix without a leading "/" (for example "x"), or "" for none\n' +
                '  - priceClass: got "cheap"; expected one of "PriceClass_100", "PriceClass_200", "PriceClass_All"',
        );
    });

    it("is a CollectorArgumentsError by name, as stack traces and logs show it", () => {
        assert.equal(refusal({ logPrefix: "/x" }).name, "CollectorArgumentsError");
    });

    // How a received value is shown: as the user would have written it, and
    // never so long that the message hides the other problems.
    const shown: [string, unknown, string][] = [
        ["undefined", undefined, "undefined"],
        ["a function", () => "i", "a function"],
        ["a bigint with its n", 30n, "30n"],
        ["a symbol by its description", Symbol("paths"), "Symbol(paths)"],
        ["a long value cut at 200 characters", ["a".repeat(300)], `["${"a".repeat(198)}...`],
        ["a value of exactly 200 characters whole", ["a".repeat(196)], `["${"a".repeat(196)}"]`],
        [
            "a value that refers to itself by its kind",
            (() => {
                const loop: Record<string, unknown> = {};
                loop.self = loop;
                return loop;
            })(),
            "[object Object]",
        ],
    ];
    for (const [what, value, text] of shown) {
        it(`shows ${what} in the message`, () => {
            assert.equal(
                refusal({ pixelPaths: [value] }).message.split("\n")[1],
                `  - pixelPaths[0]: got ${text}; expected a string`,
            );
        });
    }

    it("cuts the default comment to CloudFront's 128 characters for a long collector name", async () => {
        const name = `c${"x".repeat(200)}`;
        const distribution = (await build({}, name)).child(T.distribution, "distribution").inputs;
        assert.equal(distribution.comment, `Snowplow collector ${name}`.slice(0, 128));
    });

    const accepted: [string, CloudfrontCollectorArgs][] = [
        ["a log prefix without a trailing slash", { logPrefix: "raw" }],
        ["an empty log prefix", { logPrefix: "" }],
        ["a nested log prefix", { logPrefix: "snowplow/collector/prod/" }],
        ["the Iglu webhook path", { pixelPaths: ["com.snowplowanalytics.iglu/v1"] }],
        ["several pixel paths", { pixelPaths: ["i", "ice.png", "com.snowplowanalytics.iglu/v1"] }],
        ["a pixel path with spaces and non-ASCII letters", { pixelPaths: ["pixel é.gif"] }],
        ["a pixel path ending in /", { pixelPaths: ["p/"] }],
        ["a pixel path of exactly 1024 bytes", { pixelPaths: ["p".repeat(1024)] }],
        ["every price class", { priceClass: "PriceClass_200" }],
        ["https-only", { viewerProtocolPolicy: "https-only" }],
        ["a WAFv2 web ACL with CLOUDFRONT scope", { webAclArn: webAcl }],
        ["tags with spaces and the allowed punctuation", { tags: { "Cost Centre": "data-eng/42 @team+x=y:z_" } }],
        ["a comment of 128 characters", { comment: "c".repeat(128) }],
        ["a comment with tabs, line breaks and characters from outside the BMP", { comment: "shop\tevents\r\n😀" }],
        ["a pixel path with a character outside the BMP", { pixelPaths: ["😀.gif"] }],
        [
            "a log prefix of exactly 984 bytes, which leaves room for CloudFront's file name",
            { logPrefix: "é".repeat(492) },
        ],
        ["a tag key of 128 characters and a value of 256", { tags: { ["k".repeat(128)]: "v".repeat(256) } }],
        ["50 tags, AWS's limit", { tags: Object.fromEntries([...Array(50).keys()].map((i) => [`k${i}`, "v"])) }],
    ];
    for (const [what, args] of accepted) {
        it(`accepts ${what}`, () => {
            assert.doesNotThrow(() => new CloudfrontCollector(`ok-${accepted.findIndex(([w]) => w === what)}`, args));
        });
    }
});
