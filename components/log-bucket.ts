import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { logBucketPolicy } from "./policies";
import { CollectorSettings } from "./settings";

/** The bucket CloudFront writes its access logs to. */
export interface LogBucket {
    bucket: aws.s3.Bucket;
    /**
     * The setting that lets CloudFront write logs (the ACL with the log
     * delivery grant). The distribution depends on it: CloudFront checks the
     * bucket's ACL when logging is turned on.
     */
    readyForLogs: pulumi.Resource;
}

/**
 * Creates the log bucket as CloudFront's standard logging needs it on today's
 * S3: ACLs enabled (new buckets have them off) with the owner's and the log
 * delivery account's grants declared together, public access blocked, SSE-S3,
 * and a policy that denies requests without TLS. No data expires.
 *
 * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html.
 */
export function createLogBucket(name: string, settings: CollectorSettings, parent: pulumi.Resource): LogBucket {
    // The bucket holds the raw events: by default Pulumi forgets rather than
    // deletes it and its settings, so that a destroyed stack leaves it as it was.
    const opts: pulumi.CustomResourceOptions = { parent, retainOnDelete: settings.retainLogBucket };

    const bucket = new aws.s3.Bucket(
        `${name}-log-bucket`,
        { forceDestroy: settings.forceDestroyLogBucket, tags: settings.tags },
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
    new aws.s3.BucketPolicy(
        `${name}-log-policy`,
        { bucket: bucket.id, policy: bucket.arn.apply((arn) => JSON.stringify(logBucketPolicy(arn))) },
        { ...opts, dependsOn: [encryption] },
    );

    return { bucket, readyForLogs: acl };
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
