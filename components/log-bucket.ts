import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createLogLifecycle } from "./log-lifecycle";
import { LogDestination } from "./log-destination";
import { logBucketPolicy } from "./policies";
import { logRegionProblem } from "./regions";
import { CollectorSettings } from "./settings";

/**
 * Creates the log bucket as CloudFront's standard logging needs it on today's
 * S3: ACLs enabled (new buckets have them off) with the owner's and the log
 * delivery account's grants declared together, public access blocked, SSE-S3,
 * a policy that denies requests without TLS, and the lifecycle asked for. No
 * data expires unless asked.
 *
 * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html.
 */
export function createLogBucket(name: string, settings: CollectorSettings, parent: pulumi.Resource): LogDestination {
    // The bucket holds the raw events: by default Pulumi forgets rather than
    // deletes it and its settings, so that a destroyed stack leaves it as it was.
    const opts: pulumi.CustomResourceOptions = { parent, retainOnDelete: settings.retainLogBucket };

    const bucket = new aws.s3.Bucket(
        `${name}-log-bucket`,
        { region: checkedRegion(parent), forceDestroy: settings.forceDestroyLogBucket, tags: settings.tags },
        opts,
    );

    // S3 refuses concurrent changes to one bucket's settings (OperationAborted),
    // so each setting waits for the one before it.
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
        `${name}-log-public-access`,
        {
            bucket: bucket.id,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        },
        opts,
    );
    const ownership = new aws.s3.BucketOwnershipControls(
        `${name}-log-ownership`,
        { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerPreferred" } },
        { ...opts, dependsOn: [publicAccess] },
    );
    const acl = new aws.s3.BucketAcl(
        `${name}-log-acl`,
        { bucket: bucket.id, accessControlPolicy: logDeliveryAcl(parent) },
        { ...opts, dependsOn: [ownership] },
    );
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
        `${name}-log-encryption`,
        { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
        { ...opts, dependsOn: [acl] },
    );
    const lifecycle = createLogLifecycle(name, bucket, settings, { ...opts, dependsOn: [encryption] });
    new aws.s3.BucketPolicy(
        `${name}-log-policy`,
        { bucket: bucket.id, policy: bucket.arn.apply((arn) => JSON.stringify(logBucketPolicy(arn))) },
        { ...opts, dependsOn: [lifecycle] },
    );

    return { bucketName: bucket.bucket, domainName: bucket.bucketDomainName, readyForLogs: [acl] };
}

/**
 * The region the bucket goes to, as the provider will use it, checked at
 * deploy time before the bucket is created. This catches what the check at
 * construction cannot: a region that comes from an explicit provider.
 */
function checkedRegion(parent: pulumi.Resource): pulumi.Output<string> {
    return aws.getRegionOutput({}, { parent }).region.apply((region) => {
        const problem = logRegionProblem(region);
        if (problem !== undefined) throw new Error(`the log bucket cannot be in ${region}: ${problem}`);
        return region;
    });
}

/**
 * The log bucket's ACL: FULL_CONTROL for the bucket owner and for CloudFront's
 * log delivery account (`awslogsdelivery`). Both grants are declared, because
 * writing an ACL replaces it whole: a bare canned ACL such as `private` would
 * drop the log delivery grant and stop the logs without any error.
 */
function logDeliveryAcl(parent: pulumi.Resource): pulumi.Input<aws.types.input.s3.BucketAclAccessControlPolicy> {
    const owner = aws.s3.getCanonicalUserIdOutput({ parent });
    const logDelivery = aws.cloudfront.getLogDeliveryCanonicalUserIdOutput({}, { parent });
    return pulumi.all([owner.id, logDelivery.id]).apply(([ownerId, logDeliveryId]) => ({
        owner: { id: ownerId },
        grants: [
            { grantee: { type: "CanonicalUser", id: ownerId }, permission: "FULL_CONTROL" },
            { grantee: { type: "CanonicalUser", id: logDeliveryId }, permission: "FULL_CONTROL" },
        ],
    }));
}
