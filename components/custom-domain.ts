import * as pulumi from "@pulumi/pulumi";
import { CloudfrontCollectorArgs } from "./args";
import { elementsOf, Problems, show } from "./problems";
import { CLOUDFRONT_GLOBAL_REGION } from "./regions";

/** CloudFront's security policies for custom domains that allow nothing older than TLS 1.2. */
export const MINIMUM_PROTOCOL_VERSIONS = [
    "TLSv1.2_2018",
    "TLSv1.2_2019",
    "TLSv1.2_2021",
    "TLSv1.2_2025",
    "TLSv1.3_2025",
] as const;

/** The security policy used when none is given. */
export const DEFAULT_MINIMUM_PROTOCOL_VERSION = "TLSv1.2_2021";

/** CloudFront's default quota of alternate domain names per distribution. */
export const MAX_DOMAIN_NAMES = 100;

/** The collector's own domain names, once checked; `undefined` when it has none. */
export interface CustomDomain {
    domainNames: string[];
    /** The ARN given; undefined with `createCertificate`. */
    certificateArn?: pulumi.Input<string>;
    createCertificate: boolean;
    hostedZoneId?: string;
    minimumProtocolVersion: (typeof MINIMUM_PROTOCOL_VERSIONS)[number];
}

// A DNS name of letters, digits and hyphens, optionally "*." in front, as
// CloudFront accepts for alternate domain names (253 characters at most).
const DOMAIN_NAME = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HOSTED_ZONE_ID = /^Z[0-9A-Z]{1,31}$/;
// ACM names a certificate by a UUID. Only the aws partition has us-east-1, so
// a certificate from any other partition is no use to CloudFront either.
const CERTIFICATE_ARN =
    /^arn:aws:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks the custom domain arguments as a whole. */
export function checkCustomDomain(args: CloudfrontCollectorArgs, problems: Problems): CustomDomain | undefined {
    const domainNames = checkDomainNames(args.domainNames, problems);
    // Only undefined means "not given": null is a wrong value like any other.
    const createCertificate = args.createCertificate === undefined ? false : args.createCertificate;
    if (typeof createCertificate !== "boolean") problems.add("createCertificate", createCertificate, "true or false");
    const hostedZoneId = args.hostedZoneId;
    if (hostedZoneId !== undefined && (typeof hostedZoneId !== "string" || !HOSTED_ZONE_ID.test(hostedZoneId))) {
        problems.add("hostedZoneId", hostedZoneId, 'a Route 53 hosted zone ID, such as "Z0123456789ABCDEFGHIJ"');
    }
    const minimumProtocolVersion =
        args.minimumProtocolVersion === undefined ? DEFAULT_MINIMUM_PROTOCOL_VERSION : args.minimumProtocolVersion;
    if (!MINIMUM_PROTOCOL_VERSIONS.includes(minimumProtocolVersion as never)) {
        problems.add(
            "minimumProtocolVersion",
            minimumProtocolVersion,
            `one of ${MINIMUM_PROTOCOL_VERSIONS.map(show).join(", ")}`,
        );
    }
    checkCertificateArn(args.certificateArn, problems);

    // Domain names given but wrong are reported as such: the arguments that
    // go with them are then not also "given without domainNames".
    const noDomainNames =
        args.domainNames === undefined || (Array.isArray(args.domainNames) && args.domainNames.length === 0);
    if (noDomainNames) {
        // Values that ask for nothing (the defaults a stack's config holds) are fine.
        const asked = {
            certificateArn: args.certificateArn !== undefined,
            createCertificate: createCertificate === true,
            hostedZoneId: hostedZoneId !== undefined,
            minimumProtocolVersion:
                args.minimumProtocolVersion !== undefined &&
                args.minimumProtocolVersion !== DEFAULT_MINIMUM_PROTOCOL_VERSION,
        };
        for (const [argument, given] of Object.entries(asked) as [keyof typeof asked, boolean][]) {
            if (given) problems.add(argument, args[argument], "no value without domainNames");
        }
        return undefined;
    }
    if (createCertificate === true && args.certificateArn !== undefined) {
        problems.add(
            "certificateArn",
            args.certificateArn,
            "no value with createCertificate: true, which makes the certificate",
        );
    } else if (createCertificate !== true && args.certificateArn === undefined) {
        problems.add(
            "certificateArn",
            undefined,
            "the ARN of an ACM certificate in us-east-1 for domainNames, or createCertificate: true",
        );
    }
    if (createCertificate === true && hostedZoneId === undefined) {
        problems.add(
            "hostedZoneId",
            undefined,
            "the hosted zone that validates the certificate, with createCertificate: true",
        );
    }
    return {
        domainNames,
        certificateArn: args.certificateArn,
        createCertificate: createCertificate === true,
        hostedZoneId,
        minimumProtocolVersion: minimumProtocolVersion as CustomDomain["minimumProtocolVersion"],
    };
}

/**
 * Why `arn` cannot be the collector's certificate, or `undefined` if it can:
 * CloudFront only uses ACM certificates from us-east-1
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html).
 */
export function certificateArnProblem(arn: string): string | undefined {
    const match = CERTIFICATE_ARN.exec(arn);
    if (match === null) return "the ARN of an ACM certificate (arn:aws:acm:us-east-1:<account>:certificate/<uuid>)";
    if (match[1] !== CLOUDFRONT_GLOBAL_REGION) {
        return `a certificate in ${CLOUDFRONT_GLOBAL_REGION}, where CloudFront looks for certificates; this one is in ${match[1]}`;
    }
    return undefined;
}

/** The certificate ARN, checked once it is known: now for a string, at deploy time for an output. */
export function checkedCertificateArn(arn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(arn).apply((known) => {
        const problem = certificateArnProblem(known);
        if (problem !== undefined) throw new Error(`certificateArn: got ${show(known)}; expected ${problem}`);
        return known;
    });
}

/** The host of `collectorUrl`: the first domain name without a wildcard, if any. */
export function collectorHost(domain: CustomDomain | undefined): string | undefined {
    return domain?.domainNames.find((d) => !d.startsWith("*."));
}

function checkCertificateArn(arn: unknown, problems: Problems): void {
    if (arn === undefined || pulumi.Output.isInstance(arn) || arn instanceof Promise) return;
    const problem = typeof arn === "string" ? certificateArnProblem(arn) : "the ARN of an ACM certificate, a string";
    if (problem !== undefined) problems.add("certificateArn", arn, problem);
}

function checkDomainNames(names: unknown, problems: Problems): string[] {
    if (names === undefined) return [];
    if (!Array.isArray(names)) {
        problems.add("domainNames", names, 'a list of domain names, such as ["c.example.com"]');
        return [];
    }
    if (names.length > MAX_DOMAIN_NAMES) {
        problems.add("domainNames", `${names.length} names`, `at most ${MAX_DOMAIN_NAMES} names, CloudFront's quota`);
    }
    const seen = new Set<string>();
    elementsOf(names).forEach((name, index) => {
        const argument = `domainNames[${index}]`;
        if (typeof name !== "string" || name.length > 253 || !DOMAIN_NAME.test(name)) {
            problems.add(
                argument,
                name,
                'a lowercase domain name such as "c.example.com", or "*.example.com" for every subdomain, without a scheme, port or trailing dot',
            );
        } else if (seen.has(name)) {
            problems.add(argument, name, "each name once: it is already in the list");
        } else {
            seen.add(name);
        }
    });
    return names.filter((n): n is string => typeof n === "string");
}
