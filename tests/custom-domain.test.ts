import { strict as assert } from "node:assert";
import { CloudfrontCollector, CloudfrontCollectorArgs, CollectorArgumentsError } from "../components";
import { applyErrorsDuring, build, T, uniqueName, useMockEngine, valueOf } from "./support/harness";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";
const ZONE = "Z0123456789ABCDEFGHIJ";

function refusalOf(args: unknown): CollectorArgumentsError {
    try {
        new CloudfrontCollector("domain", args as CloudfrontCollectorArgs);
    } catch (err) {
        assert.ok(err instanceof CollectorArgumentsError, String(err));
        return err;
    }
    assert.fail(`accepted ${JSON.stringify(args)}`);
}

function problemsOf(args: unknown): string[] {
    try {
        // A name of its own: accepted arguments register a collector.
        new CloudfrontCollector(uniqueName("domain"), args as CloudfrontCollectorArgs);
    } catch (err) {
        assert.ok(err instanceof CollectorArgumentsError, String(err));
        return err.problems.map((p) => `${p.argument}: ${p.accepted}`);
    }
    return [];
}

describe("a custom domain", () => {
    useMockEngine();

    it("gives the distribution the domain names as aliases", async () => {
        const built = await build({ domainNames: ["c.example.com", "t.example.com"], certificateArn: CERT });
        assert.deepEqual(built.child(T.distribution, "distribution").inputs.aliases, [
            "c.example.com",
            "t.example.com",
        ]);
    });

    it("serves them with the certificate given, over SNI, TLS 1.2 (2021) or newer", async () => {
        const built = await build({ domainNames: ["c.example.com"], certificateArn: CERT });
        assert.deepEqual(built.child(T.distribution, "distribution").inputs.viewerCertificate, {
            acmCertificateArn: CERT,
            sslSupportMethod: "sni-only",
            minimumProtocolVersion: "TLSv1.2_2021",
        });
    });

    it("uses the minimum protocol version given", async () => {
        const built = await build({
            domainNames: ["c.example.com"],
            certificateArn: CERT,
            minimumProtocolVersion: "TLSv1.3_2025",
        });
        const certificate = built.child(T.distribution, "distribution").inputs.viewerCertificate as Record<
            string,
            unknown
        >;
        assert.equal(certificate.minimumProtocolVersion, "TLSv1.3_2025");
    });

    it("makes collectorUrl use the first domain name without a wildcard", async () => {
        const built = await build({
            domainNames: ["*.example.com", "c.example.com"],
            certificateArn: CERT,
            pixelPaths: ["i"],
        });
        assert.equal(await valueOf(built.collector.collectorUrl), "https://c.example.com/i");
    });

    it("keeps collectorUrl on cloudfront.net when every name is a wildcard", async () => {
        const built = await build({ domainNames: ["*.example.com"], certificateArn: CERT });
        assert.match(await valueOf(built.collector.collectorUrl), /^https:\/\/d[0-9a-f]+\.cloudfront\.net\/i$/);
    });

    it("uses CloudFront's own certificate and no aliases without domain names", async () => {
        const d = (await build()).child(T.distribution, "distribution").inputs;
        assert.deepEqual([d.aliases, d.viewerCertificate], [[], { cloudfrontDefaultCertificate: true }]);
    });

    it("adds A and AAAA alias records for each name when a hosted zone is given", async () => {
        const built = await build({
            domainNames: ["c.example.com", "t.example.com"],
            certificateArn: CERT,
            hostedZoneId: ZONE,
        });
        const distribution = built.child(T.distribution, "distribution").outputs;
        const records = built
            .children(T.record)
            .map((r) => [r.inputs.name, r.inputs.type, r.inputs.zoneId, r.inputs.aliases]);
        const alias = [{ name: distribution.domainName, zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }];
        assert.deepEqual(records.sort(), [
            ["c.example.com", "A", ZONE, alias],
            ["c.example.com", "AAAA", ZONE, alias],
            ["t.example.com", "A", ZONE, alias],
            ["t.example.com", "AAAA", ZONE, alias],
        ]);
    });

    it("adds no DNS records without a hosted zone", async () => {
        assert.equal(
            (await build({ domainNames: ["c.example.com"], certificateArn: CERT })).children(T.record).length,
            0,
        );
    });

    describe("with createCertificate", () => {
        const args: CloudfrontCollectorArgs = {
            domainNames: ["example.com", "*.example.com"],
            createCertificate: true,
            hostedZoneId: ZONE,
        };

        it("creates the certificate and its validation in us-east-1, by their region", async () => {
            const built = await build(args);
            const certificate = built.child(T.certificate, "certificate");
            assert.deepEqual(
                [
                    certificate.inputs.region,
                    certificate.inputs.domainName,
                    certificate.inputs.subjectAlternativeNames,
                    certificate.inputs.validationMethod,
                ],
                ["us-east-1", "example.com", ["*.example.com"], "DNS"],
            );
            assert.match(certificate.outputs.arn as string, /^arn:aws:acm:us-east-1:/);
            assert.equal(built.child(T.certificateValidation, "certificate-validation").inputs.region, "us-east-1");
        });

        it("asks ACM for an ECDSA P-256 key, which every current client takes and which makes a smaller handshake", async () => {
            assert.equal((await build(args)).child(T.certificate, "certificate").inputs.keyAlgorithm, "EC_prime256v1");
        });

        it("makes the certificate with the AWS provider the collector was given, so in the same account", async () => {
            const account = new aws.Provider("account-b", { region: "eu-west-1" });
            const built = await build(args, uniqueName(), { providers: [account] });
            const providerUrn = await valueOf(account.urn);
            for (const suffix of ["certificate", "certificate-validation"]) {
                const type = suffix === "certificate" ? T.certificate : T.certificateValidation;
                assert.match(
                    built.child(type, suffix).options.provider ?? "",
                    new RegExp(`^${providerUrn.replace(/[$]/g, "\\$")}::`),
                    suffix,
                );
            }
            assert.deepEqual(built.children(T.provider), [], "no provider of the collector's own");
        });

        it("validates it with one DNS record per name in the hosted zone, a wildcard sharing its domain's", async () => {
            const built = await build({ ...args, domainNames: ["*.example.com", "example.com", "c.example.org"] });
            const options = built.child(T.certificate, "certificate").outputs.domainValidationOptions as Record<
                string,
                string
            >[];
            const optionOf = (domainName: string) => options.find((o) => o.domainName === domainName)!;
            const validation = built.children(T.record).filter((r) => r.name.includes("certificate-validation"));
            assert.deepEqual(
                validation.map((r) => [
                    r.name.slice(built.name.length),
                    r.inputs.zoneId,
                    r.inputs.name,
                    r.inputs.type,
                    r.inputs.records,
                    r.inputs.allowOverwrite,
                ]),
                ["example.com", "c.example.org"].map((d) => [
                    `-certificate-validation-${d}`,
                    ZONE,
                    optionOf(d).resourceRecordName,
                    "CNAME",
                    [optionOf(d).resourceRecordValue],
                    true,
                ]),
            );
            const waiter = built.child(T.certificateValidation, "certificate-validation");
            assert.deepEqual(
                waiter.inputs.validationRecordFqdns,
                validation.map((r) => r.outputs.fqdn),
            );
        });

        it("serves the domain names with the certificate once it is validated", async () => {
            const built = await build(args);
            const certificate = built.child(T.distribution, "distribution").inputs.viewerCertificate as Record<
                string,
                unknown
            >;
            assert.equal(certificate.acmCertificateArn, built.child(T.certificate, "certificate").outputs.arn);
            assert.ok(
                built
                    .child(T.distribution, "distribution")
                    .options.dependsOn.some((urn) => urn.endsWith("-certificate-validation")),
            );
        });
    });

    const refused: [string, unknown, string][] = [
        [
            "domain names without a certificate",
            { domainNames: ["c.example.com"] },
            "certificateArn: the ARN of an ACM certificate in us-east-1 for domainNames, or createCertificate: true",
        ],
        [
            "a certificate outside us-east-1",
            { domainNames: ["c.example.com"], certificateArn: CERT.replace("us-east-1", "eu-west-1") },
            "certificateArn: a certificate in us-east-1, where CloudFront looks for certificates; this one is in eu-west-1",
        ],
        [
            "a certificate ARN that is not ACM's",
            { domainNames: ["c.example.com"], certificateArn: "arn:aws:iam::123456789012:server-certificate/x" },
            "certificateArn: the ARN of an ACM certificate (arn:aws:acm:us-east-1:<account>:certificate/<uuid>)",
        ],
        [
            "both a certificate and createCertificate",
            { domainNames: ["c.example.com"], certificateArn: CERT, createCertificate: true, hostedZoneId: ZONE },
            "certificateArn: no value with createCertificate: true, which makes the certificate",
        ],
        [
            "createCertificate without a hosted zone",
            { domainNames: ["c.example.com"], createCertificate: true },
            "hostedZoneId: the hosted zone that validates the certificate, with createCertificate: true",
        ],
        [
            "a certificate without domain names",
            { certificateArn: CERT },
            "certificateArn: no value without domainNames",
        ],
        [
            "a hosted zone ID of the wrong shape",
            { domainNames: ["c.example.com"], certificateArn: CERT, hostedZoneId: "example.com" },
            'hostedZoneId: a Route 53 hosted zone ID, such as "Z0123456789ABCDEFGHIJ"',
        ],
        [
            "a TLS policy older than 1.2",
            { domainNames: ["c.example.com"], certificateArn: CERT, minimumProtocolVersion: "TLSv1_2016" },
            'minimumProtocolVersion: one of "TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"',
        ],
        [
            "a domain name with a scheme",
            { domainNames: ["https://c.example.com"], certificateArn: CERT },
            'domainNames[0]: a lowercase domain name such as "c.example.com", or "*.example.com" for every subdomain, without a scheme, port or trailing dot',
        ],
        [
            "an upper-case domain name",
            { domainNames: ["C.example.com"], certificateArn: CERT },
            'domainNames[0]: a lowercase domain name such as "c.example.com", or "*.example.com" for every subdomain, without a scheme, port or trailing dot',
        ],
        [
            "a duplicated domain name",
            { domainNames: ["c.example.com", "c.example.com"], certificateArn: CERT },
            "domainNames[1]: each name once: it is already in the list",
        ],
        [
            "domain names that are not a list",
            { domainNames: "c.example.com", certificateArn: CERT },
            'domainNames: a list of domain names, such as ["c.example.com"]',
        ],
        [
            "a certificate ARN whose ID is not a UUID",
            { domainNames: ["c.example.com"], certificateArn: CERT.replace(/[^/]+$/, "--") },
            "certificateArn: the ARN of an ACM certificate (arn:aws:acm:us-east-1:<account>:certificate/<uuid>)",
        ],
        [
            "a certificate from a partition without us-east-1",
            { domainNames: ["c.example.com"], certificateArn: CERT.replace("arn:aws:", "arn:aws-cn:") },
            "certificateArn: the ARN of an ACM certificate (arn:aws:acm:us-east-1:<account>:certificate/<uuid>)",
        ],
        [
            "createCertificate: null",
            { domainNames: ["c.example.com"], certificateArn: CERT, createCertificate: null },
            "createCertificate: true or false",
        ],
        [
            "minimumProtocolVersion: null",
            { domainNames: ["c.example.com"], certificateArn: CERT, minimumProtocolVersion: null },
            'minimumProtocolVersion: one of "TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"',
        ],
        ["a hosted zone without domain names", { hostedZoneId: ZONE }, "hostedZoneId: no value without domainNames"],
        [
            "a TLS policy without domain names",
            { minimumProtocolVersion: "TLSv1.3_2025" },
            "minimumProtocolVersion: no value without domainNames",
        ],
        [
            "a certificate ARN that is not a string",
            { domainNames: ["c.example.com"], certificateArn: 42 },
            "certificateArn: the ARN of an ACM certificate, a string",
        ],
        [
            "a certificate ARN with text before it",
            { domainNames: ["c.example.com"], certificateArn: ` ${CERT}` },
            "certificateArn: the ARN of an ACM certificate (arn:aws:acm:us-east-1:<account>:certificate/<uuid>)",
        ],
        [
            "a certificate ARN with text after it",
            { domainNames: ["c.example.com"], certificateArn: `${CERT}0` },
            "certificateArn: the ARN of an ACM certificate (arn:aws:acm:us-east-1:<account>:certificate/<uuid>)",
        ],
        [
            "more than 100 domain names, CloudFront's quota",
            { domainNames: Array.from({ length: 101 }, (_, i) => `c${i}.example.com`), certificateArn: CERT },
            "domainNames: at most 100 names, CloudFront's quota",
        ],
        [
            "a hole in the list of domain names",
            { domainNames: [, "c.example.com"], certificateArn: CERT },
            'domainNames[0]: a lowercase domain name such as "c.example.com", or "*.example.com" for every subdomain, without a scheme, port or trailing dot',
        ],
    ];
    for (const [what, args, problem] of refused) {
        it(`refuses ${what}`, () => {
            assert.ok(problemsOf(args).includes(problem), problemsOf(args).join("\n"));
        });
    }

    it("shows how many domain names it got when there are too many", () => {
        const err = refusalOf({
            domainNames: Array.from({ length: 101 }, (_, i) => `c${i}.example.com`),
            certificateArn: CERT,
        });
        assert.equal(err.problems[0].value, "101 names");
    });

    const label = (c: string, n: number) => c.repeat(n);
    for (const [what, args] of [
        [
            "100 domain names, CloudFront's quota",
            { domainNames: Array.from({ length: 100 }, (_, i) => `c${i}.example.com`), certificateArn: CERT },
        ],
        [
            "a domain name of 253 characters, DNS's limit",
            {
                domainNames: [`${label("a", 63)}.${label("b", 63)}.${label("c", 63)}.${label("d", 61)}`],
                certificateArn: CERT,
            },
        ],
        [
            "the default TLS policy without domain names, as a stack's config holds it",
            { minimumProtocolVersion: "TLSv1.2_2021" },
        ],
    ] as [string, CloudfrontCollectorArgs][]) {
        it(`accepts ${what}`, () => {
            assert.deepEqual(problemsOf(args), []);
        });
    }

    it("reports domain names that are not a list without calling the certificate unwanted", () => {
        assert.deepEqual(problemsOf({ domainNames: "c.example.com", certificateArn: CERT }), [
            'domainNames: a list of domain names, such as ["c.example.com"]',
        ]);
    });

    describe("with a certificate ARN known only at deploy time", () => {
        useMockEngine();

        it("checks its region then, before the distribution is created", async () => {
            const late = pulumi.output(Promise.resolve(CERT.replace("us-east-1", "eu-central-1")));
            const errors = await applyErrorsDuring(
                () => new CloudfrontCollector("late-cert", { domainNames: ["c.example.com"], certificateArn: late }),
            );
            assert.ok(
                errors.some((e) => e.includes("certificateArn: got") && e.includes("this one is in eu-central-1")),
                errors.join("\n"),
            );
        });
    });
});
