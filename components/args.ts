import * as pulumi from "@pulumi/pulumi";

// The doc comments below are also the descriptions other languages' SDKs get
// (see PulumiPlugin.yaml), without their @default tags. Pulumi's schema
// inference turns inline tags such as {@link} into "[object Object]": name
// other arguments in backticks instead.

/**
 * The arguments of a {@link CloudfrontCollector}. Every one is optional: the
 * defaults make a collector that current Snowplow trackers can send to.
 *
 * The arguments are plain values, not outputs, so that each is checked before
 * any resource is created; the ones that may come from another resource say so.
 */
export interface CloudfrontCollectorArgs {
    /**
     * The paths, without a leading `/`, under which the pixel is served and
     * trackers send events. Each is an S3 object key holding the pixel.
     *
     * Current trackers request `i`; trackers from before 2013 request
     * `ice.png`; Snowplow's Iglu webhook requests
     * `com.snowplowanalytics.iglu/v1`. A request for any other path is still
     * logged, but answered with 403, which trackers count as a failure.
     *
     * @default ["i"]
     */
    pixelPaths?: string[];

    /**
     * The key prefix of the access log files in the log bucket, without a
     * leading `/`. CloudFront puts it in front of each file name as given: end
     * it with `/` to keep the logs in a folder of their own.
     *
     * @default "" (log files at the top of the bucket)
     */
    logPrefix?: string;

    /**
     * Whether CloudFront writes viewers' cookies into the access logs. The
     * collector reads none, and cookies are personal data: leave this off
     * unless your ETL needs them.
     *
     * @default false
     */
    includeCookies?: boolean;

    /**
     * The CloudFront price class: which edge locations serve the collector.
     * One of `PriceClass_100` (North America, Europe, Israel),
     * `PriceClass_200` (adds most of Asia, Africa and the Middle East) or
     * `PriceClass_All`.
     * See https://aws.amazon.com/cloudfront/pricing/.
     *
     * @default "PriceClass_100"
     */
    priceClass?: string;

    /**
     * What the distribution does with a request over plain HTTP: `allow-all`
     * serves it, `https-only` refuses it with 403 (and logs it). A redirect to
     * HTTPS is not offered: CloudFront would log the redirect and the request
     * that follows it, and every event sent over HTTP would be counted twice.
     *
     * @default "allow-all"
     */
    viewerProtocolPolicy?: string;

    /**
     * The origins (`https://shop.example.com`, `https://*.example.com`) of the
     * pages that embed the tracker. Browsers hand the collector's response to
     * the JavaScript tracker only if it names the page's origin and allows
     * credentials (the tracker sends with `credentials: 'include'`); without
     * that, the tracker counts each event as failed and sends it again, and
     * the logs fill with duplicates.
     *
     * When empty, any origin is allowed with `Access-Control-Allow-Origin: *`
     * and no credentials: trackers must then be configured with
     * `credentials: 'omit'`. `["*"]` chooses that explicitly.
     *
     * @default [] (any origin, no credentials)
     */
    allowedOrigins?: string[];

    /**
     * Alternate domain names for the collector (`c.example.com`), so that
     * trackers send first-party requests. The first one without a wildcard
     * becomes the host of `collectorUrl`. Needs `certificateArn` or
     * `createCertificate`. At most 100.
     * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html.
     *
     * @default none: the collector answers on its cloudfront.net domain only
     */
    domainNames?: string[];

    /**
     * The ARN of an ACM certificate covering every name in `domainNames`. It
     * must be in us-east-1, whatever the stack's region; this is checked as
     * soon as the ARN is known. May be an output of another resource.
     *
     * @default none (required with `domainNames` unless `createCertificate`)
     */
    certificateArn?: pulumi.Input<string>;

    /**
     * Creates the certificate for `domainNames` in us-east-1, whatever the
     * stack's region (with the collector's own AWS provider, so in the same
     * account), and validates it with DNS records in `hostedZoneId`. Needs
     * `hostedZoneId`; excludes `certificateArn`.
     *
     * @default false
     */
    createCertificate?: boolean;

    /**
     * The Route 53 hosted zone that holds `domainNames`. When given, the
     * collector adds A and AAAA alias records pointing each name at the
     * distribution (and the certificate's validation records with
     * `createCertificate`).
     *
     * @default none: DNS is managed elsewhere
     */
    hostedZoneId?: string;

    /**
     * The oldest TLS that viewers of `domainNames` may use, as a CloudFront
     * security policy: `TLSv1.2_2018`, `TLSv1.2_2019`, `TLSv1.2_2021`,
     * `TLSv1.2_2025` or `TLSv1.3_2025`. Older policies are not offered. The
     * cloudfront.net domain always accepts what CloudFront's default
     * certificate does.
     * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html.
     *
     * @default "TLSv1.2_2021"
     */
    minimumProtocolVersion?: string;

    /**
     * A comment on the distribution, shown in the CloudFront console; at most
     * 128 characters.
     *
     * @default "Snowplow collector <name>", with the component's name
     */
    comment?: string;

    /**
     * The ARN of an AWS WAF web ACL (scope `CLOUDFRONT`, so in us-east-1) to
     * put in front of the collector, for example to drop bot traffic before it
     * reaches the logs.
     *
     * @default no web ACL
     */
    webAclArn?: pulumi.Input<string>;

    /**
     * The name of an existing bucket to write the logs to (for example an ETL's
     * input bucket) instead of a bucket the collector creates. The collector
     * then creates no log bucket and changes none of its settings, and the
     * bucket must already allow CloudFront's standard logging: ACLs enabled
     * (object ownership `BucketOwnerPreferred` or `ObjectWriter`), the
     * `awslogsdelivery` grant (CloudFront adds it when the deploying identity
     * may read and write the bucket's ACL), SSE-S3 (or SSE-KMS with a key
     * policy that lets log delivery use the key), no bucket policy that denies
     * uploads without an encryption header, and a region outside the opt-in
     * regions. The region is checked at deploy time, before the distribution
     * is created.
     * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html.
     *
     * @default a new log bucket in the stack's region
     */
    logBucketName?: string;

    /**
     * Moves log files to cheaper storage classes as they age, each after a
     * number of days since it was written. Storage classes go from warmer to
     * colder, in the order `STANDARD_IA`, `INTELLIGENT_TIERING`, `ONEZONE_IA`,
     * `GLACIER_IR`, `GLACIER`, `DEEP_ARCHIVE`, with strictly increasing days;
     * S3 does not move `ONEZONE_IA` to `GLACIER_IR`. `STANDARD_IA` and
     * `ONEZONE_IA` need at least 30 days, the others at least 0 (the day a file
     * is written); the step after `STANDARD_IA` or `ONEZONE_IA` comes at least
     * 30 days later, the step after `GLACIER_IR` or `GLACIER` at least 90. S3
     * does not move objects smaller than 128 KB, which low-traffic hours' log
     * files can be.
     * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html.
     *
     * @default no transitions: logs stay in S3 Standard
     */
    logTransitions?: LogTransition[];

    /**
     * Deletes log files this many days after they were written. This deletes
     * raw events for good: set it only when the ETL has copied them elsewhere.
     * Must be later than the last transition.
     *
     * @default never: no log file expires
     */
    logExpirationDays?: number;

    /**
     * Aborts multipart uploads to the log bucket left incomplete for this many
     * days, so that their parts stop costing storage. No finished log file is
     * touched.
     *
     * @default 7
     */
    logAbortIncompleteUploadDays?: number;

    /**
     * Turns on S3 versioning for the log bucket, so that a log file deleted or
     * overwritten by mistake can be recovered.
     *
     * @default false
     */
    logVersioning?: boolean;

    /**
     * With `logVersioning`, deletes earlier (non-current) versions of log files
     * this many days after they were replaced or deleted, which bounds what
     * versioning costs. Only with `logVersioning: true`.
     *
     * @default 90 when `logVersioning` is on
     */
    logNoncurrentVersionExpirationDays?: number;

    /**
     * Whether the log bucket is kept when the collector is deleted (or the
     * stack destroyed). It holds raw event data: Pulumi then forgets the
     * bucket and its settings instead of deleting them.
     *
     * Only for a bucket the collector creates.
     *
     * @default true
     */
    retainLogBucket?: boolean;

    /**
     * Whether deleting the log bucket also deletes the log files in it.
     * Without this, S3 refuses to delete a bucket that holds objects. Only
     * with `retainLogBucket: false`: on a retained bucket it is refused.
     *
     * @default false
     */
    forceDestroyLogBucket?: boolean;

    /**
     * Tags put on every child resource that takes tags (both buckets, the
     * distribution, the certificate). At most 50; keys of 1-128 characters not starting with
     * `aws:`, values of at most 256 characters.
     *
     * @default no tags
     */
    tags?: { [key: string]: string };
}

/** A move of log files to a cheaper storage class. */
export interface LogTransition {
    /** Days after a log file is written, a whole number of at least 0 (30 for `STANDARD_IA` and `ONEZONE_IA`). */
    days: number;
    /** `STANDARD_IA`, `INTELLIGENT_TIERING`, `ONEZONE_IA`, `GLACIER_IR`, `GLACIER` or `DEEP_ARCHIVE`. */
    storageClass: string;
}
