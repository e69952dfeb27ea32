import { CloudfrontCollectorArgs } from "../../components";

/**
 * Every argument of {@link CloudfrontCollectorArgs}, by name: the compiler
 * refuses this map when an argument is added or removed without it, so tests
 * that must cover every argument can enumerate them.
 */
const EVERY_ARGUMENT: Record<keyof CloudfrontCollectorArgs, true> = {
    pixelPaths: true,
    logPrefix: true,
    includeCookies: true,
    priceClass: true,
    viewerProtocolPolicy: true,
    allowedOrigins: true,
    domainNames: true,
    certificateArn: true,
    createCertificate: true,
    hostedZoneId: true,
    minimumProtocolVersion: true,
    comment: true,
    webAclArn: true,
    logBucketName: true,
    logTransitions: true,
    logExpirationDays: true,
    logAbortIncompleteUploadDays: true,
    logVersioning: true,
    logNoncurrentVersionExpirationDays: true,
    retainLogBucket: true,
    forceDestroyLogBucket: true,
    tags: true,
};

export const ARGUMENT_NAMES = Object.keys(EVERY_ARGUMENT) as (keyof CloudfrontCollectorArgs)[];
