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

    // ACM asks the same record of a name and of its wildcard (example.com and
    // *.example.com), so there is one record per name without its "*.". Two
    // resources writing one record would let the removal of either name delete
    // the record the other still needs, and the certificate's renewal would
    // then fail. allowOverwrite takes over a record an earlier certificate left.
    const validatedNames = [...new Set(domain.domainNames.map((d) => d.replace(/^\*\./, "")))];
    const records = validatedNames.map((validatedName) => {
        const option = certificate.domainValidationOptions.apply((options) => {
            const found = options.find((o) => o.domainName === validatedName || o.domainName === `*.${validatedName}`);
            if (found === undefined) throw new Error(`ACM returned no validation record for ${validatedName}`);
            return found;
        });
        return new aws.route53.Record(
            `${name}-certificate-validation-${validatedName}`,
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
        {
            region: CLOUDFRONT_GLOBAL_REGION,
            certificateArn: certificate.arn,
            validationRecordFqdns: records.map((r) => r.fqdn),
        },
        { parent },
    );
    return validation.certificateArn;
}
