import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CollectorSettings } from "./settings";

/**
 * Applies the log bucket's versioning and lifecycle rules, one after the
 * other, and returns the last resource so the next setting can wait for it.
 * With nothing asked for, the only rule aborts incomplete multipart uploads:
 * no log file is ever moved or deleted.
 */
export function createLogLifecycle(
    name: string,
    bucket: aws.s3.Bucket,
    settings: CollectorSettings,
    opts: pulumi.CustomResourceOptions,
): pulumi.Resource {
    const lifecycle = settings.logLifecycle;
    let last: pulumi.Resource | undefined;
    if (lifecycle.versioning) {
        last = new aws.s3.BucketVersioning(
            `${name}-log-versioning`,
            { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
            opts,
        );
    }

    const rules: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [
        {
            id: "abort-incomplete-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: lifecycle.abortIncompleteUploadDays },
        },
    ];
    if (lifecycle.transitions.length > 0 || lifecycle.expirationDays !== undefined) {
        rules.push({
            id: "age-log-files",
            status: "Enabled",
            // Only the collector's log files: the bucket may hold other data
            // under other prefixes.
            filter: settings.logPrefix === "" ? {} : { prefix: settings.logPrefix },
            transitions: lifecycle.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })),
            expiration: lifecycle.expirationDays === undefined ? undefined : { days: lifecycle.expirationDays },
        });
    }
    if (lifecycle.noncurrentVersionExpirationDays !== undefined) {
        rules.push({
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: lifecycle.noncurrentVersionExpirationDays },
            // Once its earlier versions are gone, a delete marker is clutter.
            expiration: { expiredObjectDeleteMarker: true },
        });
    }

    return new aws.s3.BucketLifecycleConfiguration(
        `${name}-log-lifecycle`,
        { bucket: bucket.id, rules },
        { ...opts, dependsOn: last === undefined ? opts.dependsOn : [last] },
    );
}
