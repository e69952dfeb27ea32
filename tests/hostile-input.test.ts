/**
 * Property-based tests: thousands of generated values, hostile ones among
 * them (wrong types, null, objects, arrays with holes, unpaired surrogates,
 * control characters, very long strings), thrown at every plain argument.
 * For each value the collector either refuses it with a
 * CollectorArgumentsError whose every problem names that argument, or takes
 * it, and then AWS must take it too: tests/support/aws-rules.ts says what AWS
 * accepts, from its documentation, without using the component's checks.
 *
 * The constructor's first step, `resolveSettings`, decides; a refusal is then
 * asked of the constructor itself, which must throw the same problems and
 * register nothing. Values the checks accept are built for real by the last
 * test, a few at a time: a build costs a quarter of a second under the mock
 * engine, too much for thousands.
 */
import { strict as assert } from "node:assert";
import { isDeepStrictEqual } from "node:util";
import * as fc from "fast-check";
import { CloudfrontCollector, CloudfrontCollectorArgs, CollectorArgumentsError } from "../components";
import { show } from "../components/problems";
import { resolveSettings } from "../components/settings";
import { settle } from "../plan/engine";
import * as aws from "./support/aws-rules";
import { build, T, TEST_REGION, useMockEngine, valueOf } from "./support/harness";

const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";
const ZONE = "Z0123456789ABCDEFGHIJ";
const WITH_DOMAIN = { domainNames: ["c.example.com"], certificateArn: CERT };

// How many values each property tries: enough to reach the corners, few
// enough that the whole file runs in seconds. HOSTILE_RUNS=5000 VALID_RUNS=2000
// in the environment searches harder (about 40 s).
const HOSTILE_RUNS = Number(process.env.HOSTILE_RUNS ?? 300);
const VALID_RUNS = Number(process.env.VALID_RUNS ?? 100);

// --- Generators -------------------------------------------------------------

/** Single characters that have broken string checks before: separators, wildcards, controls, surrogates, non-characters. */
const awkwardCharacter = fc.constantFrom(
    "/",
    ".",
    "?",
    "#",
    "\\",
    "%",
    "*",
    ":",
    "-",
    "_",
    "@",
    "+",
    "=",
    " ",
    "[",
    "]",
    "&",
    "<",
    '"',
    "'",
    "\t",
    "\n",
    "\r",
    "\u0000",
    "\u001f",
    "\u007f",
    "\u0085",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udbff",
    "\udc00",
    "\udfff",
    "é",
    "ß",
    "İ",
    "ǅ",
    "Ⅻ",
    "😀",
    "𝐀",
    "A",
    "Z",
    "a",
    "z",
    "0",
    "9",
);

/** A character of any kind: printable, any code point, a control, or one of the awkward ones. */
const anyCharacter = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }),
    awkwardCharacter,
);

/** Strings short and long, over any characters, and runs of one character around the usual limits. */
const hostileString = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: anyCharacter, maxLength: 40 }) },
    {
        weight: 1,
        arbitrary: fc
            .tuple(fc.integer({ min: 60, max: 1100 }), fc.constantFrom("a", "é", "€", "😀", ".", "-", "\u0000"))
            .map(([n, c]) => c.repeat(n)),
    },
);

/** Any JavaScript value, exotic ones included. */
const junk = fc.anything({
    maxDepth: 2,
    maxKeys: 4,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    withObjectString: true,
    stringUnit: "binary",
});

/** Mostly values from `nearly` (close to valid ones), sometimes a hostile string or any value at all. */
function hostileOr<T>(nearly: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
    return fc.oneof(
        { weight: 3, arbitrary: nearly },
        { weight: 1, arbitrary: hostileString },
        { weight: 1, arbitrary: junk },
    );
}

/** Lists of `element`, with holes, junk among them, or empty. */
function hostileList(element: fc.Arbitrary<unknown>, maxLength = 5): fc.Arbitrary<unknown> {
    return fc.oneof(
        { weight: 4, arbitrary: fc.array(element, { maxLength }) },
        { weight: 1, arbitrary: fc.sparseArray(element, { maxLength, noTrailingHole: false }) },
        { weight: 1, arbitrary: fc.array(fc.oneof(element, junk), { maxLength }) },
        { weight: 1, arbitrary: junk },
    );
}

/** Strings made of one value from each of `parts`, joined. */
function pieces(...parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
    return fc.tuple(...parts).map((p) => p.join(""));
}
/** Mostly `good`; sometimes one of `near`, `good` in upper case, "" or a hostile string. */
const orNearly = (good: string, ...near: string[]) =>
    fc.oneof(
        { weight: 6, arbitrary: fc.constant(good) },
        { weight: 2, arbitrary: fc.constantFrom(...near, good.toUpperCase(), "") },
        { weight: 1, arbitrary: hostileString },
    );

const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
const lowerHex = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: min, maxLength: max });
const uuidLike = fc.oneof(
    fc.uuid(),
    pieces(lowerHex(0, 9), fc.constantFrom("-", ""), lowerHex(0, 5), fc.constantFrom("-", "", "--"), lowerHex(0, 13)),
    fc.uuid().map((u) => u.toUpperCase()),
);
const account = fc.oneof(
    { weight: 4, arbitrary: digits(12) },
    { weight: 1, arbitrary: fc.oneof(digits(11), digits(13), fc.constant("12345678901a")) },
);

/** Host names: real-looking ones, and ones broken in the usual ways. */
const dnsLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const hostNameLike = fc.oneof(
    { weight: 4, arbitrary: fc.domain() },
    {
        weight: 2,
        arbitrary: fc
            .array(
                fc.oneof(
                    dnsLabel,
                    fc.constantFrom("", "-a", "a-", "A", "xn--bcher-kva", "1", "a_b", "é", "a".repeat(64)),
                ),
                { minLength: 1, maxLength: 4 },
            )
            .map((l) => l.join(".")),
    },
    {
        weight: 1,
        arbitrary: fc
            .tuple(fc.integer({ min: 1, max: 5 }), dnsLabel)
            .map(([n, l]) => `${`${"a".repeat(63)}.`.repeat(n)}${l}`),
    },
    {
        weight: 1,
        arbitrary: fc.constantFrom(
            "localhost",
            "example.com.",
            "c.example.com:443",
            "*.example.com",
            "a.*.example.com",
            "*",
            "**.example.com",
            "1.2.3.4",
        ),
    },
);

// --- Running the collector ----------------------------------------------------

let refused = 0;

/**
 * The collector's refusal of `args`, or undefined if it takes them. Anything
 * thrown other than a CollectorArgumentsError fails the test; so does a
 * constructor that does not throw the same problems as its check.
 */
function refusalOf(args: unknown, namePrefix: string): CollectorArgumentsError | undefined {
    let thrown: unknown;
    try {
        resolveSettings("hostile", args as CloudfrontCollectorArgs, TEST_REGION);
        return undefined;
    } catch (err) {
        thrown = err;
    }
    assert.ok(
        thrown instanceof CollectorArgumentsError,
        `crashed on ${show(args)}: ${thrown instanceof Error ? thrown.stack : String(thrown)}`,
    );
    refused += 1;
    const problems = thrown.problems;
    assert.throws(
        () => new CloudfrontCollector(`${namePrefix}-${refused}`, args as CloudfrontCollectorArgs),
        (err: unknown) => err instanceof CollectorArgumentsError && isDeepStrictEqual(err.problems, problems),
    );
    return thrown;
}

/** Whether a problem's argument (`tags key "x"`, `pixelPaths[2]`, `logTransitions[0].days`) is `argument` or part of it. */
function isAbout(argument: string, problemArgument: string): boolean {
    return (
        problemArgument === argument ||
        [`${argument}[`, `${argument}.`, `${argument} `].some((p) => problemArgument.startsWith(p))
    );
}

describe("hostile input", () => {
    const engine = useMockEngine();

    /**
     * Throws every value of `values` at `argument` (beside `context`): each is
     * refused with problems that all name `argument`, or accepted and `valid`.
     * Then checks that no refused collector registered anything.
     */
    async function takesOnlyValid(
        argument: string,
        values: fc.Arbitrary<unknown>,
        valid: (value: unknown) => boolean,
        context: object = {},
    ) {
        const prefix = `refused-${argument}`;
        // `args` is the arguments object itself; any other argument goes in one.
        const argsWith = (value: unknown) => (argument === "args" ? value : { ...context, [argument]: value });
        fc.assert(
            fc.property(values, (value) => {
                const refusal = refusalOf(argsWith(value), prefix);
                if (refusal === undefined) {
                    assert.ok(valid(value), `took ${argument} ${show(value)}, which AWS refuses`);
                } else {
                    const strays = refusal.problems.filter((p) => !isAbout(argument, p.argument));
                    assert.deepEqual(strays, [], `refused ${argument} ${show(value)} naming other arguments`);
                }
            }),
            { numRuns: HOSTILE_RUNS },
        );
        await settle();
        assert.deepEqual(
            engine()
                .resources.filter((r) => r.name.startsWith(prefix))
                .map((r) => r.name),
            [],
        );
    }

    /** Every value of `values` for `argument` (beside `context`) is accepted. */
    function acceptsEvery(argument: string, values: fc.Arbitrary<unknown>, context: object = {}) {
        fc.assert(
            fc.property(values, (value) => {
                const refusal = refusalOf({ ...context, [argument]: value }, `wrongly-refused-${argument}`);
                assert.equal(refusal?.message, undefined);
            }),
            { numRuns: VALID_RUNS },
        );
    }

    const given = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);
    const isBoolean = given((v) => typeof v === "boolean");

    describe("pixelPaths", () => {
        const path = fc.oneof(
            { weight: 3, arbitrary: fc.string({ unit: anyCharacter, maxLength: 12 }) },
            { weight: 1, arbitrary: hostileString },
            {
                weight: 1,
                arbitrary: fc.constantFrom(
                    "i",
                    "ice.png",
                    "com.snowplowanalytics.iglu/v1",
                    ".",
                    "..",
                    "a/./i",
                    "a/..",
                    "p/",
                    "%2e%2e",
                    "i\ud800",
                ),
            },
        );
        const trackerPath = fc
            .string({
                unit: fc.oneof(
                    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
                    fc.constantFrom("/", ".", "-", "_", "%", " "),
                ),
                minLength: 1,
                maxLength: 30,
            })
            .filter((p) => !p.startsWith("/") && !/[?#\\\p{Cc}]/u.test(p) && aws.isPixelPath(p));

        it("takes only lists of distinct S3 keys a tracker can request, and names pixelPaths in every refusal", async () => {
            await takesOnlyValid("pixelPaths", hostileList(path), given(aws.isPixelPathList));
        });

        it("accepts any list of distinct keys of printable characters that a tracker can request", () => {
            acceptsEvery("pixelPaths", fc.uniqueArray(trackerPath, { minLength: 1, maxLength: 4 }));
        });

        it("accepts keys of up to 1,024 bytes of UTF-8, whatever the characters' widths", () => {
            const long = fc
                .tuple(fc.constantFrom("a", "é", "€", "😀"), fc.integer({ min: 1, max: 1024 }))
                .map(([c, bytes]) => c.repeat(Math.floor(bytes / Buffer.byteLength(c)) || 1));
            acceptsEvery(
                "pixelPaths",
                long.map((p) => [p]),
            );
        });
    });

    describe("logPrefix", () => {
        const prefixes = fc.oneof(
            { weight: 3, arbitrary: fc.string({ unit: anyCharacter, maxLength: 20 }) },
            { weight: 1, arbitrary: hostileString },
            {
                weight: 1,
                arbitrary: fc
                    .tuple(fc.constantFrom("a", "é", "€", "😀"), fc.integer({ min: 960, max: 1000 }))
                    .map(([c, bytes]) => c.repeat(Math.ceil(bytes / Buffer.byteLength(c)))),
            },
        );
        const folderPrefix = fc
            .array(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), { maxLength: 4 })
            .map((segments) => segments.map((s) => `${s}/`).join(""))
            .filter((p) => !p.startsWith("/") && !/\p{Cc}/u.test(p) && aws.isLogPrefix(p));

        it("takes only prefixes that leave room for CloudFront's file name in an S3 key, and names logPrefix in every refusal", async () => {
            await takesOnlyValid("logPrefix", hostileOr(prefixes), given(aws.isLogPrefix));
        });

        it("accepts any prefix of printable characters that fits", () => {
            acceptsEvery("logPrefix", folderPrefix);
        });
    });

    for (const argument of ["includeCookies", "retainLogBucket", "forceDestroyLogBucket", "logVersioning"]) {
        describe(argument, () => {
            it(`takes only true or false, and names ${argument} in every refusal`, async () => {
                await takesOnlyValid(
                    argument,
                    hostileOr(fc.constantFrom(true, false, "true", "false", 0, 1, null, new Boolean(true))),
                    isBoolean,
                );
            });

            it("accepts true and false", () => {
                // forceDestroyLogBucket: true goes only with a log bucket that may be deleted.
                acceptsEvery(
                    argument,
                    fc.boolean(),
                    argument === "forceDestroyLogBucket" ? { retainLogBucket: false } : {},
                );
            });
        });
    }

    describe("createCertificate", () => {
        it("takes only false without domain names, and names createCertificate in every refusal", async () => {
            await takesOnlyValid(
                "createCertificate",
                hostileOr(fc.constantFrom(true, false, "true", 0, null)),
                given((v) => v === false),
            );
        });

        it("accepts true with domain names and a hosted zone", () => {
            acceptsEvery("createCertificate", fc.constant(true), {
                domainNames: ["c.example.com"],
                hostedZoneId: ZONE,
            });
        });
    });

    const enumerations: [string, readonly string[], string[], object][] = [
        ["priceClass", aws.AWS_PRICE_CLASSES, ["PriceClass_100", "PriceClass_200", "PriceClass_All"], {}],
        ["viewerProtocolPolicy", aws.AWS_VIEWER_PROTOCOL_POLICIES, ["allow-all", "https-only"], {}],
        [
            "minimumProtocolVersion",
            aws.AWS_MINIMUM_PROTOCOL_VERSIONS,
            ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"],
            WITH_DOMAIN,
        ],
    ];
    for (const [argument, awsValues, offered, context] of enumerations) {
        describe(argument, () => {
            const near = fc
                .constantFrom(...awsValues)
                .chain((v) =>
                    fc.constantFrom(
                        v,
                        v.toLowerCase(),
                        v.toUpperCase(),
                        ` ${v}`,
                        `${v}\u0000`,
                        v.slice(0, -1),
                        v.replace("_", "-"),
                    ),
                );

            it(`takes only a value CloudFront defines, and names ${argument} in every refusal`, async () => {
                await takesOnlyValid(
                    argument,
                    hostileOr(near),
                    given((v) => typeof v === "string" && awsValues.includes(v)),
                    context,
                );
            });

            it(`accepts each of ${offered.join(", ")}`, () => {
                acceptsEvery(argument, fc.constantFrom(...offered), context);
            });
        });
    }

    describe("allowedOrigins", () => {
        const origin = fc.oneof(
            {
                weight: 4,
                arbitrary: pieces(
                    fc.constantFrom("https://", "http://", "HTTPS://", "ftp://", "https:/", "//", ""),
                    hostNameLike,
                    fc.constantFrom("", "", ":8080", ":443", ":80", ":0", ":65536", ":080", ":", "/", "/page", "?q"),
                ),
            },
            {
                weight: 1,
                arbitrary: pieces(
                    fc.constantFrom("http://", "https://"),
                    fc.oneof(
                        fc.ipV4(),
                        fc.ipV4Extended(),
                        fc.ipV6().map((a) => `[${a}]`),
                        fc.constantFrom("[:]", "[.]", "[::1", "999.1.1.1", "1.2.3"),
                    ),
                    fc.constantFrom("", ":3000"),
                ),
            },
            { weight: 1, arbitrary: fc.constantFrom("*", "https://*.example.com", "null") },
        );
        const browserOrigin = pieces(
            fc.constantFrom("https://", "http://"),
            fc.oneof(
                fc.domain(),
                fc.domain().map((d) => `*.${d}`),
                fc.ipV4(),
                fc.ipV6().map((a) => `[${a}]`),
            ),
            fc.oneof(
                fc.constant(""),
                fc
                    .integer({ min: 1, max: 65535 })
                    .filter((p) => p !== 80 && p !== 443)
                    .map((p) => `:${p}`),
            ),
        ).filter(aws.isCorsOrigin);

        it("takes only origins a browser sends (or * alone), and names allowedOrigins in every refusal", async () => {
            await takesOnlyValid("allowedOrigins", hostileList(origin), given(aws.isCorsOriginList));
        });

        it("accepts any list of distinct origins as browsers send them", () => {
            acceptsEvery(
                "allowedOrigins",
                fc.uniqueArray(browserOrigin, { minLength: 1, maxLength: 4, selector: (o) => o.toLowerCase() }),
            );
        });
    });

    describe("domainNames", () => {
        const names = fc.oneof(
            { weight: 4, arbitrary: hostNameLike },
            { weight: 1, arbitrary: fc.domain().map((d) => `*.${d}`) },
        );

        it("takes only alternate domain names CloudFront accepts, and names domainNames in every refusal", async () => {
            // No names at all is no custom domain, and then the certificate
            // is what gets refused: the property is about names given.
            const someNames = hostileList(names).filter(
                (v) => v !== undefined && !(Array.isArray(v) && v.length === 0),
            );
            await takesOnlyValid("domainNames", someNames, aws.isAlternateDomainNameList, { certificateArn: CERT });
        });

        it("accepts any list of distinct lowercase domain names, wildcards included", () => {
            const name = fc
                .oneof(
                    fc.domain(),
                    fc.domain().map((d) => `*.${d}`),
                )
                .filter(aws.isAlternateDomainName);
            acceptsEvery("domainNames", fc.uniqueArray(name, { minLength: 1, maxLength: 5 }), { certificateArn: CERT });
        });

        it("refuses more than 100 names, CloudFront's quota, naming domainNames", () => {
            const many = Array.from({ length: 101 }, (_, i) => `c${i}.example.com`);
            assert.deepEqual(
                refusalOf({ domainNames: many, certificateArn: CERT }, "too-many")?.problems.map((p) => p.argument),
                ["domainNames"],
            );
        });
    });

    describe("certificateArn", () => {
        const arns = pieces(
            orNearly("arn", "ARN", "arn "),
            fc.constant(":"),
            orNearly("aws", "aws-cn", "aws-us-gov", "awsx", "aws-"),
            fc.constant(":"),
            orNearly("acm", "iam", "acm-pca"),
            fc.constant(":"),
            orNearly("us-east-1", "eu-west-1", "us-east-2", "us-east-1 "),
            fc.constant(":"),
            account,
            orNearly(":certificate/", ":certificate", ":server-certificate/", "/certificate/"),
            uuidLike,
        );

        it("takes only the ARN of an ACM certificate in us-east-1, and names certificateArn in every refusal", async () => {
            await takesOnlyValid("certificateArn", hostileOr(arns), aws.isCloudFrontCertificateArn, {
                domainNames: ["c.example.com"],
            });
        });

        it("accepts the ARN of any ACM certificate in us-east-1", () => {
            acceptsEvery(
                "certificateArn",
                fc.tuple(digits(12), fc.uuid()).map(([a, id]) => `arn:aws:acm:us-east-1:${a}:certificate/${id}`),
                { domainNames: ["c.example.com"] },
            );
        });
    });

    describe("hostedZoneId", () => {
        const ids = pieces(
            orNearly("Z", "z", "/hostedzone/Z"),
            fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabc-_ "), maxLength: 40 }),
        );

        it("takes only a Route 53 hosted zone ID, and names hostedZoneId in every refusal", async () => {
            await takesOnlyValid("hostedZoneId", hostileOr(ids), given(aws.isHostedZoneId), WITH_DOMAIN);
        });

        it("accepts any hosted zone ID", () => {
            acceptsEvery(
                "hostedZoneId",
                fc
                    .string({
                        unit: fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                        minLength: 1,
                        maxLength: 31,
                    })
                    .map((id) => `Z${id}`),
                WITH_DOMAIN,
            );
        });
    });

    describe("comment", () => {
        const comments = fc.oneof(
            { weight: 3, arbitrary: fc.string({ unit: anyCharacter, maxLength: 140 }) },
            {
                weight: 1,
                arbitrary: fc
                    .tuple(fc.constantFrom("c", "é", "😀", "\u0000"), fc.integer({ min: 60, max: 140 }))
                    .map(([c, n]) => c.repeat(n)),
            },
        );
        const printable = fc.string({
            unit: fc.string({ unit: "grapheme-composite", minLength: 1, maxLength: 1 }).filter((c) => c.length === 1),
            maxLength: 128,
        });

        it("takes only comments CloudFront accepts, and names comment in every refusal", async () => {
            await takesOnlyValid("comment", hostileOr(comments), given(aws.isDistributionComment));
        });

        it("accepts any comment of up to 128 printable characters", () => {
            acceptsEvery("comment", printable);
        });
    });

    describe("webAclArn", () => {
        const arns = pieces(
            orNearly("arn:", "ARN:"),
            orNearly("aws", "aws-cn", "awsx"),
            orNearly(":wafv2:", ":waf:", ":waf-regional:"),
            orNearly("us-east-1", "eu-west-1"),
            fc.constant(":"),
            account,
            orNearly(":global/webacl/", ":regional/webacl/", ":global/ipset/"),
            fc.oneof(
                fc.stringMatching(/^[\w-]{1,20}$/),
                fc.string({ unit: anyCharacter, maxLength: 10 }),
                fc.constant("x".repeat(129)),
            ),
            orNearly("/", "//", ""),
            uuidLike,
        );

        it("takes only the ARN of a WAFv2 web ACL with scope CLOUDFRONT, and names webAclArn in every refusal", async () => {
            await takesOnlyValid("webAclArn", hostileOr(arns), given(aws.isCloudFrontWebAclArn));
        });

        it("accepts the ARN of any web ACL with scope CLOUDFRONT", () => {
            const arn = fc
                .tuple(digits(12), fc.stringMatching(/^[\w-]{1,128}$/), fc.uuid())
                .map(([a, n, id]) => `arn:aws:wafv2:us-east-1:${a}:global/webacl/${n}/${id}`);
            acceptsEvery("webAclArn", arn);
        });
    });

    describe("logBucketName", () => {
        const names = fc.oneof(
            {
                weight: 3,
                arbitrary: fc.string({
                    unit: fc.constantFrom(..."abcz019.-", "A", "_", "..", "xn--", "-s3alias", ".mrap", "é", " "),
                    minLength: 1,
                    maxLength: 20,
                }),
            },
            { weight: 1, arbitrary: fc.oneof(fc.ipV4(), fc.domain(), fc.stringMatching(/^[a-z0-9.-]{60,66}$/)) },
        );
        const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/).filter(aws.isBucketName);

        it("takes only general purpose bucket names, and names logBucketName in every refusal", async () => {
            await takesOnlyValid("logBucketName", hostileOr(names), given(aws.isBucketName));
        });

        it("accepts any general purpose bucket name", () => {
            acceptsEvery("logBucketName", bucketName);
        });
    });

    describe("logTransitions", () => {
        const storageClass = fc.oneof(
            { weight: 5, arbitrary: fc.constantFrom(...aws.AWS_TRANSITION_STORAGE_CLASSES) },
            {
                weight: 1,
                arbitrary: hostileOr(fc.constantFrom("STANDARD", "glacier", "REDUCED_REDUNDANCY", "EXPRESS_ONEZONE")),
            },
        );
        const days = fc.oneof(
            { weight: 5, arbitrary: fc.integer({ min: -1, max: 400 }) },
            {
                weight: 1,
                arbitrary: fc.constantFrom(0, 29, 30, 2 ** 31 - 1, 2 ** 31, 1.5, NaN, Infinity, -0, "30", null),
            },
        );
        const transition = fc.oneof(
            { weight: 6, arbitrary: fc.record({ days, storageClass }) },
            { weight: 1, arbitrary: junk },
        );
        const moves = fc
            .tuple(
                fc.subarray([...aws.AWS_TRANSITION_STORAGE_CLASSES], { minLength: 1 }),
                fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 6, maxLength: 6 }),
            )
            .map(([classes, gaps]) => {
                let day = 0;
                return classes.map((c, i) => ({ storageClass: c, days: (day += gaps[i] + (i === 0 ? 0 : 1)) }));
            })
            .filter((t) => aws.isLifecycle(t, undefined));

        it("takes only transitions S3 accepts in one lifecycle rule, and names logTransitions in every refusal", async () => {
            await takesOnlyValid("logTransitions", hostileList(transition, 4), (v) => aws.isLifecycle(v, undefined));
        });

        it("accepts any transitions S3 accepts in one lifecycle rule, in order of days", () => {
            acceptsEvery("logTransitions", moves);
        });

        it("takes an expiry only when it is after the last transition, and names logExpirationDays when it is not", () => {
            const expiry = fc.integer({ min: 1, max: 800 });
            const args = fc.tuple(moves, expiry);
            fc.assert(
                fc.property(args, ([transitions, expirationDays]) => {
                    const refusal = refusalOf(
                        { logTransitions: transitions, logExpirationDays: expirationDays },
                        "refused-expiry",
                    );
                    if (refusal === undefined)
                        assert.ok(
                            aws.isLifecycle(transitions, expirationDays),
                            `took ${show({ transitions, expirationDays })}`,
                        );
                    else
                        assert.deepEqual(
                            refusal.problems.map((p) => p.argument),
                            ["logExpirationDays"],
                        );
                }),
                { numRuns: VALID_RUNS },
            );
        });
    });

    const dayArguments: [string, object][] = [
        ["logExpirationDays", {}],
        ["logAbortIncompleteUploadDays", {}],
        ["logNoncurrentVersionExpirationDays", { logVersioning: true }],
    ];
    for (const [argument, context] of dayArguments) {
        describe(argument, () => {
            const days = fc.oneof(
                fc.integer(),
                fc.double(),
                fc.bigInt(),
                fc.constantFrom(
                    0,
                    -0,
                    1,
                    2 ** 31 - 1,
                    2 ** 31,
                    Number.MAX_SAFE_INTEGER,
                    NaN,
                    Infinity,
                    "7",
                    new Number(7),
                    null,
                ),
            );

            it(`takes only a whole number of days S3 accepts, and names ${argument} in every refusal`, async () => {
                await takesOnlyValid(argument, hostileOr(days), given(aws.isLifecycleDays), context);
            });

            it("accepts any positive 32-bit number of days", () => {
                acceptsEvery(argument, fc.integer({ min: 1, max: 2 ** 31 - 1 }), context);
            });
        });
    }

    describe("tags", () => {
        const tagText = fc.oneof(
            { weight: 3, arbitrary: fc.string({ unit: anyCharacter, maxLength: 10 }) },
            {
                weight: 1,
                arbitrary: fc.constantFrom(
                    "aws:x",
                    "AWS:team",
                    "a".repeat(128),
                    "a".repeat(129),
                    "é".repeat(257),
                    "😀",
                    "𝐀".repeat(128),
                ),
            },
        );
        const maps = fc.oneof(
            {
                weight: 4,
                arbitrary: fc.dictionary(
                    tagText,
                    fc.oneof({ weight: 5, arbitrary: tagText }, { weight: 1, arbitrary: junk }),
                    { maxKeys: 4 },
                ),
            },
            {
                weight: 1,
                arbitrary: fc
                    .integer({ min: 45, max: 55 })
                    .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]))),
            },
            {
                weight: 1,
                arbitrary: fc.constantFrom(
                    new Map([["team", "data"]]),
                    new String("data"),
                    ["team"],
                    Object.assign(Object.create({ inherited: "x" }), { team: "data" }),
                ),
            },
        );
        const allowed = fc
            .oneof(
                fc.string({ unit: "grapheme-composite", minLength: 1, maxLength: 1 }),
                fc.constantFrom(..."_.:/=+-@ "),
            )
            .filter((c) => /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u.test(c));
        const goodText = (min: number, max: number) =>
            fc
                .string({ unit: allowed, minLength: min, maxLength: max })
                .filter((t) => !t.toLowerCase().startsWith("aws:"));

        it("takes only tags AWS accepts, and names tags in every refusal", async () => {
            await takesOnlyValid("tags", hostileOr(maps), given(aws.isTagMap));
        });

        it("accepts any map of up to 50 tags of letters, digits, spaces and _ . : / = + - @", () => {
            acceptsEvery("tags", fc.dictionary(goodText(1, 128), goodText(0, 256), { maxKeys: 50 }));
        });
    });

    describe("args", () => {
        it("refuses anything but an object of arguments, naming args, and takes no value as no arguments", async () => {
            await takesOnlyValid(
                "args",
                junk.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)),
                (v) => v === undefined || v === null,
            );
        });
    });

    describe("values the checks accept", () => {
        useMockEngine();

        it("build a collector that carries each of them unchanged", async () => {
            const accepted = fc.record(
                {
                    pixelPaths: fc.uniqueArray(
                        fc
                            .string({ unit: "grapheme", minLength: 1, maxLength: 8 })
                            .filter((p) => !p.startsWith("/") && !/[?#\\\p{Cc}]/u.test(p) && aws.isPixelPath(p)),
                        { minLength: 1, maxLength: 3 },
                    ),
                    logPrefix: fc
                        .string({ unit: "grapheme", maxLength: 10 })
                        .filter((p) => !p.startsWith("/") && !/\p{Cc}/u.test(p) && aws.isLogPrefix(p)),
                    comment: fc.string({ unit: "grapheme-composite", maxLength: 60 }).filter(aws.isDistributionComment),
                    domainNames: fc.uniqueArray(fc.domain(), { minLength: 1, maxLength: 2 }),
                    tags: fc.dictionary(
                        fc.stringMatching(/^[a-z][\w.:/=+@ -]{0,10}$/),
                        fc.stringMatching(/^[\w.:/=+@ -]{0,10}$/),
                        { maxKeys: 3 },
                    ),
                },
                { requiredKeys: [] },
            );
            const unhandled: unknown[] = [];
            const record = (err: unknown) => unhandled.push(err);
            process.on("unhandledRejection", record);
            try {
                await fc.assert(
                    fc.asyncProperty(accepted, async (args) => {
                        const full: CloudfrontCollectorArgs =
                            args.domainNames === undefined
                                ? args
                                : { ...args, certificateArn: CERT, hostedZoneId: ZONE };
                        const built = await build(full);
                        const distribution = built.child(T.distribution, "distribution").inputs;
                        const keys = built.children(T.object).map((o) => o.inputs.key);
                        assert.deepEqual(keys, args.pixelPaths ?? ["i"]);
                        assert.equal(
                            (distribution.loggingConfig as Record<string, unknown>).prefix,
                            args.logPrefix ?? "",
                        );
                        assert.equal(distribution.comment, args.comment ?? `Snowplow collector ${built.name}`);
                        assert.deepEqual(distribution.aliases, args.domainNames ?? []);
                        assert.deepEqual(distribution.tags, { ...args.tags });
                        assert.match(await valueOf(built.collector.collectorUrl), /^https:\/\/[^/]+\/./);
                    }),
                    { numRuns: 8 },
                );
            } finally {
                process.off("unhandledRejection", record);
            }
            assert.deepEqual(unhandled, []);
        });
    });
});
