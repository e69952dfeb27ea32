/**
 * The stack program: one collector, configured from the stack's config (keys
 * named like the component's arguments, `cloudfront-collector:logPrefix`, ...),
 * with its outputs exported.
 */
import * as pulumi from "@pulumi/pulumi";
import { CloudfrontCollector } from "./components";

const config = new pulumi.Config();

const collector = new CloudfrontCollector("collector", {
    pixelPaths: config.getObject<string[]>("pixelPaths"),
    logPrefix: config.get("logPrefix"),
    includeCookies: config.getBoolean("includeCookies"),
    priceClass: config.get("priceClass"),
    viewerProtocolPolicy: config.get("viewerProtocolPolicy"),
    comment: config.get("comment"),
    // Pulumi.yaml declares "" as "no web ACL".
    webAclArn: config.get("webAclArn") || undefined,
    retainLogBucket: config.getBoolean("retainLogBucket"),
    forceDestroyLogBucket: config.getBoolean("forceDestroyLogBucket"),
    tags: config.getObject<Record<string, string>>("tags"),
});

export const collectorUrl = collector.collectorUrl;
export const domainName = collector.domainName;
export const distributionId = collector.distributionId;
export const distributionArn = collector.distributionArn;
export const pixelBucketName = collector.pixelBucketName;
export const logBucketName = collector.logBucketName;
export const logUri = collector.logUri;
