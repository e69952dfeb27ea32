import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CustomDomain } from "./custom-domain";

/**
 * Points each of the collector's domain names at the distribution with Route
 * 53 alias records, A for IPv4 and AAAA for IPv6 (the distribution serves
 * both). Alias records to CloudFront cost nothing per query.
 */
export function createAliasRecords(
    name: string,
    domain: CustomDomain,
    distribution: aws.cloudfront.Distribution,
    parent: pulumi.Resource,
): aws.route53.Record[] {
    const zoneId = domain.hostedZoneId;
    if (zoneId === undefined) return [];
    return domain.domainNames.flatMap((domainName) =>
        (["A", "AAAA"] as const).map(
            (type) =>
                new aws.route53.Record(
                    `${name}-alias-${domainName}-${type}`,
                    {
                        zoneId,
                        name: domainName,
                        type,
                        aliases: [
                            {
                                name: distribution.domainName,
                                zoneId: distribution.hostedZoneId,
                                evaluateTargetHealth: false,
                            },
                        ],
                    },
                    { parent },
                ),
        ),
    );
}
