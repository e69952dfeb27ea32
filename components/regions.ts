import * as pulumi from "@pulumi/pulumi";

/**
 * Regions that an AWS account must opt in to. CloudFront's standard logging
 * does not deliver to buckets in any of them, and says so only with a
 * misleading AccessDenied (see "Choosing an Amazon S3 bucket for your standard
 * logs" in https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html,
 * and the opt-in list in https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
 */
export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-west-1",
    "eu-central-2",
    "eu-south-1",
    "eu-south-2",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
]);

/** The region ACM certificates for CloudFront and CLOUDFRONT-scoped WAF web ACLs must be in. */
export const CLOUDFRONT_GLOBAL_REGION = "us-east-1";

/** Why the collector's log bucket cannot be in `region`, or `undefined` if it can. */
export function logRegionProblem(region: string): string | undefined {
    if (OPT_IN_REGIONS.has(region)) {
        return (
            `${region} is an opt-in region, and CloudFront's standard logging delivers no logs to buckets there. ` +
            `Deploy the stack to a region that is not opt-in (for example eu-west-1 or us-east-1), ` +
            `or pass logBucketName with an existing bucket in such a region`
        );
    }
    if (region.startsWith("us-gov-")) return `${region} is in AWS GovCloud, which has no CloudFront`;
    return undefined;
}

/**
 * The region the collector's resources go to when it can be known before
 * anything is created: from `aws:region`, or from `AWS_REGION` /
 * `AWS_DEFAULT_REGION` as the AWS provider reads them. Undefined when an
 * explicit provider is passed (its region is only known at deploy time) or
 * nothing sets one.
 *
 * An empty `providers` names no provider: a component constructed for another
 * language through the component provider always receives one, as a map.
 */
export function regionKnownNow(opts: pulumi.ComponentResourceOptions | undefined): string | undefined {
    const explicitProviders = opts?.providers !== undefined && Object.keys(opts.providers).length > 0;
    if (opts?.provider !== undefined || explicitProviders) return undefined;
    return new pulumi.Config("aws").get("region") ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
}
