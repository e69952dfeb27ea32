/**
 * The stack program: one collector, configured from the stack's config (keys
 * named like the component's arguments, `cloudfront-collector:logPrefix`, ...),
 * with its outputs exported. Pulumi.yaml declares each key with its default.
 */
import * as pulumi from "@pulumi/pulumi";
import { CloudfrontCollector, LogTransition } from "./components";

const config = new pulumi.Config();

// Pulumi.yaml cannot declare "no value", so it declares "" for the optional
// strings and 0 for the optional numbers of days: both mean "not set".
const text = (key: string) => config.get(key) || undefined;
const days = (key: string) => config.getNumber(key) || undefined;

const collector = new CloudfrontCollector("collector", {
    pixelPaths: config.getObject<string[]>("pixelPaths"),
    logPrefix: config.get("logPrefix"),
    includeCookies: config.getBoolean("includeCookies"),
    priceClass: config.get("priceClass"),
    viewerProtocolPolicy: config.get("viewerProtocolPolicy"),
    allowedOrigins: config.getObject<string[]>("allowedOrigins"),
    domainNames: config.getObject<string[]>("domainNames"),
    certificateArn: text("certificateArn"),
    createCertificate: config.getBoolean("createCertificate"),
    hostedZoneId: text("hostedZoneId"),
    minimumProtocolVersion: config.get("minimumProtocolVersion"),
    comment: config.get("comment"),
    webAclArn: text("webAclArn"),
    logBucketName: text("logBucketName"),
    logTransitions: config.getObject<LogTransition[]>("logTransitions"),
    logExpirationDays: days("logExpirationDays"),
    logAbortIncompleteUploadDays: config.getNumber("logAbortIncompleteUploadDays"),
    logVersioning: config.getBoolean("logVersioning"),
    logNoncurrentVersionExpirationDays: config.getNumber("logNoncurrentVersionExpirationDays"),
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
