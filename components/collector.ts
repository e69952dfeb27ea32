import * as pulumi from "@pulumi/pulumi";
import { CloudfrontCollectorArgs } from "./args";
import { createCertificate } from "./certificate";
import { anyOriginWarning } from "./cors";
import { collectorHost } from "./custom-domain";
import { createDistribution } from "./distribution";
import { createAliasRecords } from "./dns-records";
import { createLogBucket } from "./log-bucket";
import { existingLogBucket } from "./log-destination";
import { allowDistributionToReadPixel, createPixelBucket } from "./pixel-bucket";
import { urlPathOf } from "./s3-keys";
import { regionKnownNow } from "./regions";
import { resolveSettings } from "./settings";

/**
 * A Snowplow CloudFront collector: a private S3 bucket holding a 1x1 pixel, a
 * CloudFront distribution that serves it, and a second bucket that receives
 * CloudFront's access logs, the raw events that Snowplow's ETL reads.
 *
 * Every child is named from the collector's name, so one stack can hold several.
 */
export class CloudfrontCollector extends pulumi.ComponentResource {
    /** The URL trackers send events to: `https://<domain>/<first pixel path>`. */
    readonly collectorUrl: pulumi.Output<string>;
    /** The distribution's domain name, `<id>.cloudfront.net`. */
    readonly domainName: pulumi.Output<string>;
    /** The distribution's ID (`E...`), for CloudFront's console, CLI and invalidations. */
    readonly distributionId: pulumi.Output<string>;
    /** The distribution's ARN, for IAM policies and WAF. */
    readonly distributionArn: pulumi.Output<string>;
    /** The name of the private bucket that holds the pixel. */
    readonly pixelBucketName: pulumi.Output<string>;
    /** The name of the bucket the access logs go to: the one the collector created, or `logBucketName`. */
    readonly logBucketName: pulumi.Output<string>;
    /** Where the logs land, `s3://<log bucket>/<log prefix>`: what Snowplow's ETL is configured to read. */
    readonly logUri: pulumi.Output<string>;

    constructor(name: string, args?: CloudfrontCollectorArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before the component registers, so bad input creates nothing.
        const settings = resolveSettings(name, args, regionKnownNow(opts));
        super("cloudfront-collector:index:CloudfrontCollector", name, {}, opts);
        const warning = anyOriginWarning(args?.allowedOrigins);
        // Logging is fire-and-forget: the engine orders log lines itself.
        if (warning !== undefined) void pulumi.log.warn(warning, this);

        const pixel = createPixelBucket(name, settings, this);
        const logs =
            settings.logBucketName === undefined
                ? createLogBucket(name, settings, this)
                : existingLogBucket(settings.logBucketName, this);
        const domain = settings.customDomain;
        const certificateArn = domain?.createCertificate
            ? createCertificate(name, domain, settings.tags, this)
            : domain?.certificateArn;
        const distribution = createDistribution(name, settings, pixel, logs, certificateArn, this);
        // The policy names the distribution, so it can only follow it.
        allowDistributionToReadPixel(name, pixel, distribution, this);
        if (domain !== undefined) createAliasRecords(name, domain, distribution, this);

        this.domainName = distribution.domainName;
        const host = collectorHost(domain) ?? distribution.domainName;
        this.collectorUrl = pulumi.interpolate`https://${host}/${urlPathOf(settings.pixelPaths[0])}`;
        this.distributionId = distribution.id;
        this.distributionArn = distribution.arn;
        this.pixelBucketName = pixel.bucket.bucket;
        this.logBucketName = logs.bucketName;
        this.logUri = pulumi.interpolate`s3://${logs.bucketName}/${settings.logPrefix}`;

        this.registerOutputs({
            collectorUrl: this.collectorUrl,
            domainName: this.domainName,
            distributionId: this.distributionId,
            distributionArn: this.distributionArn,
            pixelBucketName: this.pixelBucketName,
            logBucketName: this.logBucketName,
            logUri: this.logUri,
        });
    }
}
