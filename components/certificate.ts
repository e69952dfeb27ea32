import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CustomDomain } from "./custom-domain";
import { CLOUDFRONT_GLOBAL_REGION } from "./regions";

/**
 * Creates an ACM certificate for the collector's domain names in us-east-1,
 * where CloudFront requires it, validated by DNS records in the hosted zone.
 * The certificate and its validation name their region, so they go through
 * the same AWS provider as the rest of the collector (the stack's default, or
 * one the program passed): same credentials, same account, only the region
 * differs. Returns the ARN once the certificate is issued, so that the
 * distribution only uses an issued certificate.
 */
export function createCertificate(
    name: string,
    domain: CustomDomain,
    tags: Record<string, string>,
    parent: pulumi.Resource,
): pulumi.Output<string> {
    const [first, ...rest] = domain.domainNames;
    const certificate = new aws.acm.Certificate(
        `${name}-certificate`,
        {
            region: CLOUDFRONT_GLOBAL_REGION,
            domainName: first,
            subjectAlternativeNames: rest,
            validationMethod: "DNS",
            keyAlgorithm: "EC_prime256v1",
            tags,
        },
        { parent },
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
        { region: CLOUDFRONT_GLOBAL_REGION, certificateArn: certificate.arn, validationRecordFqdns: records.map((r) => r.fqdn) },
        { parent },
    );
    return validation.certificateArn;
}
