import { createHash } from "node:crypto";

/**
 * What AWS would compute for a resource or a data source, made up
 * deterministically so that the same program plans the same way every time.
 *
 * Each made-up value is also recorded as unknown: a real deploy would only
 * learn it from AWS. Values that are the same for every deploy (the log
 * delivery account, CloudFront's hosted zone) are not.
 */
export class Fabricator {
    /** Every value made up here, to mark anything that contains one as "known after deploy". */
    readonly unknowns = new Set<string>();

    /**
     * Regions of existing buckets, as `aws.s3.getBucket` would find them; a
     * bucket not listed is taken to be in the stack's region.
     */
    readonly existingBuckets = new Map<string, string>();

    constructor(
        readonly region: string,
        readonly accountId = "123456789012",
    ) {
        this.unknowns.add(accountId);
    }

    /** A value that AWS chooses at deploy time, made from `seed` and recorded as unknown. */
    unknown(value: string): string {
        this.unknowns.add(value);
        return value;
    }

    /** `length` lowercase hex characters derived from `seed`. */
    hex(seed: string, length: number): string {
        return createHash("sha256").update(seed).digest("hex").slice(0, length);
    }

    /** Whether `value` is, or contains, a value that only a deploy would know. */
    isUnknown(value: string): boolean {
        for (const unknown of this.unknowns) if (value.includes(unknown)) return true;
        return false;
    }
}

/** CloudFront's log delivery account (`awslogsdelivery`) in the standard AWS partition. */
export const LOG_DELIVERY_CANONICAL_USER_ID = "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0";

/** The Route 53 hosted zone of every CloudFront domain, for alias records. */
export const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";

type State = Record<string, unknown>;

/** The outputs AWS would add to a resource of `type`, given its inputs. */
export function fabricateResource(
    fab: Fabricator,
    type: string,
    name: string,
    urn: string,
    inputs: State,
): { id: string; state: State } {
    const seed = urn;
    const region = typeof inputs.region === "string" ? inputs.region : fab.region;
    switch (type) {
        case "aws:s3/bucket:Bucket": {
            const bucket =
                typeof inputs.bucket === "string"
                    ? inputs.bucket
                    : fab.unknown(
                          `${typeof inputs.bucketPrefix === "string" ? inputs.bucketPrefix : `${name}-`}${fab.hex(seed, 7)}`,
                      );
            return {
                id: bucket,
                state: {
                    ...inputs,
                    bucket,
                    region,
                    arn: `arn:aws:s3:::${bucket}`,
                    bucketDomainName: `${bucket}.s3.amazonaws.com`,
                    bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`,
                },
            };
        }
        case "aws:cloudfront/distribution:Distribution": {
            const id = fab.unknown(`E${fab.hex(seed, 13).toUpperCase()}`);
            return {
                id,
                state: {
                    ...inputs,
                    arn: `arn:aws:cloudfront::${fab.accountId}:distribution/${id}`,
                    domainName: fab.unknown(`d${fab.hex(`${seed}#domain`, 13)}.cloudfront.net`),
                    hostedZoneId: CLOUDFRONT_HOSTED_ZONE_ID,
                    status: "Deployed",
                },
            };
        }
        case "aws:acm/certificate:Certificate": {
            const id = fab.unknown(uuid(fab, seed));
            const names = [
                inputs.domainName,
                ...(Array.isArray(inputs.subjectAlternativeNames) ? inputs.subjectAlternativeNames : []),
            ];
            return {
                id,
                state: {
                    ...inputs,
                    arn: `arn:aws:acm:${region}:${fab.accountId}:certificate/${id}`,
                    domainValidationOptions: [...new Set(names.filter((n): n is string => typeof n === "string"))].map(
                        (domainName) => ({
                            domainName,
                            resourceRecordName: fab.unknown(`_${fab.hex(`${seed}${domainName}`, 32)}.${domainName}.`),
                            resourceRecordType: "CNAME",
                            resourceRecordValue: fab.unknown(
                                `_${fab.hex(`${seed}${domainName}#v`, 32)}.acm-validations.aws.`,
                            ),
                        }),
                    ),
                },
            };
        }
        case "aws:route53/record:Record":
            return {
                id: fab.unknown(`${inputs.zoneId}_${inputs.name}_${inputs.type}`),
                state: { ...inputs, fqdn: inputs.name },
            };
        default: {
            const id = fab.unknown(
                type.startsWith("aws:s3/") && typeof inputs.bucket === "string"
                    ? inputs.bucket
                    : `${name}-${fab.hex(seed, 8)}`,
            );
            return {
                id,
                state: {
                    ...inputs,
                    ...(type.startsWith("aws:")
                        ? { arn: `arn:aws:${service(type)}:${region}:${fab.accountId}:${name}` }
                        : {}),
                },
            };
        }
    }
}

/** The outputs AWS would return for a data source (invoke) `token`. */
export function fabricateInvoke(fab: Fabricator, token: string, inputs: State): State {
    switch (token) {
        case "aws:s3/getCanonicalUserId:getCanonicalUserId":
            return { id: fab.unknown(fab.hex(`canonical-user:${fab.accountId}`, 64)), displayName: "owner" };
        case "aws:cloudfront/getLogDeliveryCanonicalUserId:getLogDeliveryCanonicalUserId":
            return { id: LOG_DELIVERY_CANONICAL_USER_ID };
        case "aws:index/getRegion:getRegion": {
            const region = typeof inputs.region === "string" ? inputs.region : fab.region;
            return { id: region, name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
        }
        case "aws:s3/getBucket:getBucket": {
            const bucket = String(inputs.bucket);
            const region = fab.existingBuckets.get(bucket) ?? fab.region;
            return {
                id: bucket,
                bucket,
                region,
                arn: `arn:aws:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.amazonaws.com`,
                bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`,
                hostedZoneId: fab.unknown(`Z${fab.hex(region, 12).toUpperCase()}`),
            };
        }
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                id: fab.accountId,
                accountId: fab.accountId,
                arn: `arn:aws:iam::${fab.accountId}:user/planner`,
                userId: fab.unknown("AIDAPLANNER"),
            };
        case "aws:index/getPartition:getPartition":
            return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        default:
            throw new Error(`the offline plan cannot answer the data source ${token}`);
    }
}

function uuid(fab: Fabricator, seed: string): string {
    const h = fab.hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function service(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "unknown";
}
