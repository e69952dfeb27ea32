import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CustomDomain } from "./custom-domain";
import { CLOUDFRONT_GLOBAL_REGION } from "./regions";

// The stack's AWS settings that say how to sign in; the certificate's provider
// takes them over so that it acts as the same identity as the default provider.
const CREDENTIAL_SETTINGS = [
    "profile",
    "accessKey",
    "secretKey",
    "token",
    "sharedCredentialsFiles",
    "sharedConfigFiles",
];
const STRUCTURED_CREDENTIAL_SETTINGS = ["assumeRoles", "assumeRoleWithWebIdentity", "allowedAccountIds"];

/**
 * Creates an ACM certificate for the collector's domain names in us-east-1,
 * where CloudFront requires it, validated by DNS records in the hosted zone.
 * It goes through an explicit provider for us-east-1, which signs in as the
 * stack's default provider does. Returns the ARN once the certificate is
 * issued, so that the distribution only uses an issued certificate.
 */
export function createCertificate(
    name: string,
    domain: CustomDomain,
    tags: Record<string, string>,
    parent: pulumi.Resource,
): pulumi.Output<string> {
    const usEast1 = new aws.Provider(`${name}-${CLOUDFRONT_GLOBAL_REGION}`, providerSettings(), { parent });
    const [first, ...rest] = domain.domainNames;
    const certificate = new aws.acm.Certificate(
        `${name}-certificate`,
        {
            domainName: first,
            subjectAlternativeNames: rest,
            validationMethod: "DNS",
            keyAlgorithm: "EC_prime256v1",
            tags,
        },
        { parent, provider: usEast1 },
    );

    // One record per name. A name and its wildcard (example.com and
    // *.example.com) share one record; allowOverwrite lets both declare it.
    const records = domain.domainNames.map((domainName) => {
        const option = certificate.domainValidationOptions.apply((options) => {
            const found = options.find((o) => o.domainName === domainName);
            if (found === undefined) throw new Error(`ACM returned no validation record for ${domainName}`);
            return found;
        });
        return new aws.route53.Record(
            `${name}-certificate-validation-${domainName}`,
            {
                zoneId: domain.hostedZoneId!,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 300,
                allowOverwrite: true,
            },
            { parent },
        );
    });

    const validation = new aws.acm.CertificateValidation(
        `${name}-certificate-validation`,
        { certificateArn: certificate.arn, validationRecordFqdns: records.map((r) => r.fqdn) },
        { parent, provider: usEast1 },
    );
    return validation.certificateArn;
}

function providerSettings(): aws.ProviderArgs {
    const config = new pulumi.Config("aws");
    const settings: Record<string, unknown> = { region: CLOUDFRONT_GLOBAL_REGION };
    for (const key of CREDENTIAL_SETTINGS) {
        const value = key.endsWith("Files") ? config.getObject<string[]>(key) : config.get(key);
        if (value !== undefined) settings[key] = value;
    }
    for (const key of STRUCTURED_CREDENTIAL_SETTINGS) {
        const value = config.getObject(key);
        if (value !== undefined) settings[key] = value;
    }
    return settings as aws.ProviderArgs;
}
