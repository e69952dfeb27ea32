import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { pixelBucketCorsRules } from "./cors";
import { PIXEL_CACHE_CONTROL, PIXEL_CONTENT_TYPE, pixelBase64 } from "./pixel";
import { pixelBucketPolicy } from "./policies";
import { CollectorSettings } from "./settings";

/** The private bucket that holds the pixel, and the settings it is made with. */
export interface PixelBucket {
    bucket: aws.s3.Bucket;
    /** The last bucket setting applied; whatever changes the bucket next depends on it. */
    lastSetting: pulumi.Resource;
    objects: aws.s3.BucketObjectv2[];
}

/**
 * Creates the pixel bucket: no public access, ACLs off, SSE-S3, a CORS rule
 * for preflights, and one pixel object for each pixel path. Its policy needs the distribution's ARN and is
 * added by {@link allowDistributionToReadPixel} once the distribution exists.
 */
export function createPixelBucket(name: string, settings: CollectorSettings, parent: pulumi.Resource): PixelBucket {
    const opts: pulumi.CustomResourceOptions = { parent };
    const bucket = new aws.s3.Bucket(`${name}-pixel-bucket`, { tags: settings.tags }, opts);

    // S3 refuses concurrent changes to one bucket's settings (OperationAborted),
    // so each setting waits for the one before it.
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
        `${name}-pixel-public-access`,
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
        `${name}-pixel-ownership`,
        { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
        { ...opts, dependsOn: [publicAccess] },
    );
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
        `${name}-pixel-encryption`,
        { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
        { ...opts, dependsOn: [ownership] },
    );

    // Objects are named from their path, not their position, so that reordering
    // `pixelPaths` changes nothing.
    const objects = settings.pixelPaths.map(
        (path) =>
            new aws.s3.BucketObjectv2(
                `${name}-pixel-${resourceNameOf(path)}`,
                {
                    bucket: bucket.id,
                    key: path,
                    contentBase64: pixelBase64(),
                    contentType: PIXEL_CONTENT_TYPE,
                    cacheControl: PIXEL_CACHE_CONTROL,
                },
                { ...opts, dependsOn: [encryption] },
            ),
    );

    const cors = new aws.s3.BucketCorsConfiguration(
        `${name}-pixel-cors`,
        { bucket: bucket.id, corsRules: pixelBucketCorsRules(settings.cors) },
        { ...opts, dependsOn: [encryption] },
    );

    return { bucket, lastSetting: cors, objects };
}

/**
 * Adds the pixel bucket's policy: CloudFront may read the pixel for this one
 * distribution only, and nobody may use the bucket without TLS.
 */
export function allowDistributionToReadPixel(
    name: string,
    pixel: PixelBucket,
    distribution: aws.cloudfront.Distribution,
    parent: pulumi.Resource,
): aws.s3.BucketPolicy {
    return new aws.s3.BucketPolicy(
        `${name}-pixel-policy`,
        {
            bucket: pixel.bucket.id,
            policy: pulumi
                .all([pixel.bucket.arn, distribution.arn])
                .apply(([bucketArn, distributionArn]) => JSON.stringify(pixelBucketPolicy(bucketArn, distributionArn))),
        },
        { parent, dependsOn: [pixel.lastSetting] },
    );
}

/**
 * A Pulumi resource name for a pixel path. URNs use `::` as a separator, so
 * `:` (and `%`, to keep the mapping one-to-one) are percent-encoded.
 */
export function resourceNameOf(path: string): string {
    return path.replace(/%/g, "%25").replace(/:/g, "%3A");
}
