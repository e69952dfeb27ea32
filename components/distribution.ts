import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CORS_S3_ORIGIN_REQUEST_POLICY_ID, createResponseHeadersPolicy } from "./cors";
import { checkedCertificateArn } from "./custom-domain";
import { LogDestination } from "./log-destination";
import { PixelBucket } from "./pixel-bucket";
import { CollectorSettings } from "./settings";

/** How long CloudFront keeps the pixel at the edge: one year, in seconds. */
export const EDGE_CACHE_SECONDS = 365 * 24 * 60 * 60;

const PIXEL_ORIGIN_ID = "pixel-bucket";

/**
 * Creates the distribution that serves the pixel from its private bucket
 * through origin access control and logs every request to the log bucket.
 */
export function createDistribution(
    name: string,
    settings: CollectorSettings,
    pixel: PixelBucket,
    logs: LogDestination,
    certificateArn: pulumi.Input<string> | undefined,
    parent: pulumi.Resource,
): aws.cloudfront.Distribution {
    const opts: pulumi.CustomResourceOptions = { parent };

    const originAccess = new aws.cloudfront.OriginAccessControl(
        `${name}-origin-access`,
        {
            description: `Lets CloudFront read the pixel of the ${name} collector`,
            originAccessControlOriginType: "s3",
            signingBehavior: "always",
            signingProtocol: "sigv4",
        },
        opts,
    );
    const cachePolicy = createPixelCachePolicy(name, opts);
    const responseHeaders = createResponseHeadersPolicy(name, settings.cors, opts);
    const domain = settings.customDomain;

    return new aws.cloudfront.Distribution(
        `${name}-distribution`,
        {
            enabled: true,
            comment: settings.comment,
            priceClass: settings.priceClass,
            httpVersion: "http2and3",
            isIpv6Enabled: true,
            aliases: domain?.domainNames ?? [],
            webAclId: settings.webAclArn,
            // With origin access control the origin takes no s3OriginConfig:
            // setting one makes a permanent diff.
            origins: [
                {
                    originId: PIXEL_ORIGIN_ID,
                    domainName: pixel.bucket.bucketRegionalDomainName,
                    originAccessControlId: originAccess.id,
                },
            ],
            defaultCacheBehavior: {
                targetOriginId: PIXEL_ORIGIN_ID,
                viewerProtocolPolicy: settings.viewerProtocolPolicy,
                // OPTIONS lets a CORS preflight through; its answer is not cached.
                allowedMethods: ["GET", "HEAD", "OPTIONS"],
                cachedMethods: ["GET", "HEAD"],
                cachePolicyId: cachePolicy.id,
                originRequestPolicyId: CORS_S3_ORIGIN_REQUEST_POLICY_ID,
                responseHeadersPolicyId: responseHeaders.id,
                // A 43-byte GIF gains nothing from compression.
                compress: false,
            },
            // Standard (legacy) logging names the bucket by its global domain,
            // <bucket>.s3.amazonaws.com, not the regional one.
            loggingConfig: {
                bucket: logs.domainName,
                prefix: settings.logPrefix,
                includeCookies: settings.includeCookies,
            },
            restrictions: { geoRestriction: { restrictionType: "none" } },
            viewerCertificate:
                domain === undefined || certificateArn === undefined
                    ? { cloudfrontDefaultCertificate: true }
                    : {
                          acmCertificateArn: checkedCertificateArn(certificateArn),
                          // SNI costs nothing extra; every current client sends it.
                          sslSupportMethod: "sni-only",
                          minimumProtocolVersion: domain.minimumProtocolVersion,
                      },
            tags: settings.tags,
        },
        // CloudFront checks, when logging is turned on, that the bucket's ACL
        // lets it write: the ACL must be in place first.
        { ...opts, dependsOn: logs.readyForLogs },
    );
}

/**
 * A cache policy whose key holds no query string, header or cookie. Every
 * request gets the same pixel, so the edge answers nearly all of them from its
 * cache without asking S3; the access log still records each full query string.
 */
function createPixelCachePolicy(name: string, opts: pulumi.CustomResourceOptions): aws.cloudfront.CachePolicy {
    return new aws.cloudfront.CachePolicy(
        `${name}-cache-policy`,
        {
            comment: `The ${name} collector's pixel: one cache entry for every request`,
            // A minimum TTL above zero makes CloudFront cache the pixel even
            // though its Cache-Control tells viewers not to.
            minTtl: EDGE_CACHE_SECONDS,
            defaultTtl: EDGE_CACHE_SECONDS,
            maxTtl: EDGE_CACHE_SECONDS,
            parametersInCacheKeyAndForwardedToOrigin: {
                cookiesConfig: { cookieBehavior: "none" },
                headersConfig: { headerBehavior: "none" },
                queryStringsConfig: { queryStringBehavior: "none" },
                enableAcceptEncodingGzip: false,
                enableAcceptEncodingBrotli: false,
            },
        },
        opts,
    );
}
