import * as pulumi from "@pulumi/pulumi";
import { CloudfrontCollectorArgs } from "./args";
import { bucketNameProblem } from "./bucket-names";
import { checkAllowedOrigins, CorsSettings } from "./cors";
import { checkCustomDomain, CustomDomain } from "./custom-domain";
import { isDeepStrictEqual } from "node:util";
import {
    checkLogLifecycle,
    DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS,
    DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS,
    LIFECYCLE_ARGUMENTS,
    LogLifecycle,
} from "./lifecycle";
import { elementsOf, Problems, show } from "./problems";
import { logRegionProblem } from "./regions";
import { logPrefixProblem, pixelPathProblem } from "./s3-keys";
import { checkTags } from "./tags";
import { isXmlText } from "./xml-text";

/** The price classes CloudFront offers. */
export const PRICE_CLASSES = ["PriceClass_100", "PriceClass_200", "PriceClass_All"] as const;

/**
 * The viewer protocol policies the collector accepts. `redirect-to-https` is
 * left out on purpose: it logs every plain-HTTP event twice.
 */
export const VIEWER_PROTOCOL_POLICIES = ["allow-all", "https-only"] as const;

/** The longest comment CloudFront accepts on a distribution. */
export const MAX_COMMENT_LENGTH = 128;

// A WAFv2 web ACL usable by CloudFront has the CLOUDFRONT scope, which lives in
// us-east-1 (so in the aws partition) and shows as "global" in the ARN. WAF
// names a web ACL with 1-128 word characters or hyphens and gives it a UUID
// (https://docs.aws.amazon.com/waf/latest/APIReference/API_CreateWebACL.html).
const CLOUDFRONT_WEB_ACL_ARN =
    /^arn:aws:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]{1,128}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A collector's arguments once checked, with every default filled in. */
export interface CollectorSettings {
    pixelPaths: string[];
    logPrefix: string;
    includeCookies: boolean;
    priceClass: (typeof PRICE_CLASSES)[number];
    viewerProtocolPolicy: (typeof VIEWER_PROTOCOL_POLICIES)[number];
    comment: string;
    cors: CorsSettings;
    /** Undefined when the collector answers on its cloudfront.net domain only. */
    customDomain?: CustomDomain;
    webAclArn?: pulumi.Input<string>;
    /** An existing bucket to log to; undefined when the collector creates its own. */
    logBucketName?: string;
    logLifecycle: LogLifecycle;
    retainLogBucket: boolean;
    forceDestroyLogBucket: boolean;
    tags: Record<string, string>;
}

/**
 * Checks every argument of the collector `name` and fills in the defaults.
 * `region` is the stack's region where it is known before deploying. Throws a
 * `CollectorArgumentsError` naming every wrong argument at once.
 */
export function resolveSettings(
    name: string,
    args: CloudfrontCollectorArgs | undefined,
    region?: string,
): CollectorSettings {
    const given: CloudfrontCollectorArgs = args ?? {};
    const problems = new Problems();
    if (typeof given !== "object" || Array.isArray(given)) {
        problems.add("args", given, "an object of collector arguments");
        problems.throwIfAny(name);
    }

    const settings: CollectorSettings = {
        pixelPaths: checkPixelPaths(given.pixelPaths, problems),
        logPrefix: checkLogPrefix(given.logPrefix, problems),
        includeCookies: checkBoolean("includeCookies", given.includeCookies, false, problems),
        priceClass: checkOneOf("priceClass", given.priceClass, PRICE_CLASSES, "PriceClass_100", problems),
        viewerProtocolPolicy: checkViewerProtocolPolicy(given.viewerProtocolPolicy, problems),
        comment: checkComment(given.comment, `Snowplow collector ${name}`, problems),
        cors: checkAllowedOrigins(given.allowedOrigins, problems),
        customDomain: checkCustomDomain(given, problems),
        webAclArn: checkWebAclArn(given.webAclArn, problems),
        logBucketName: checkLogBucketName(given, problems),
        logLifecycle: checkLogLifecycle(given, problems),
        retainLogBucket: checkBoolean("retainLogBucket", given.retainLogBucket, true, problems),
        forceDestroyLogBucket: checkBoolean("forceDestroyLogBucket", given.forceDestroyLogBucket, false, problems),
        tags: checkTags(given.tags, problems),
    };

    if (settings.logBucketName === undefined && region !== undefined) {
        const problem = logRegionProblem(region);
        if (problem !== undefined)
            problems.add("aws:region (the log bucket's region)", region, `a region CloudFront logs to: ${problem}`);
    }

    problems.throwIfAny(name);
    return settings;
}

/**
 * The arguments that shape a bucket the collector creates, with their
 * defaults: with `logBucketName`, asking for anything else is an error. A
 * value equal to the default asks for nothing (a stack's config always holds
 * the defaults that Pulumi.yaml declares).
 */
const OWN_LOG_BUCKET_DEFAULTS: Record<
    (typeof LIFECYCLE_ARGUMENTS)[number] | "retainLogBucket" | "forceDestroyLogBucket",
    unknown
> = {
    logTransitions: [],
    logExpirationDays: undefined,
    logAbortIncompleteUploadDays: DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS,
    logVersioning: false,
    logNoncurrentVersionExpirationDays: DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS,
    retainLogBucket: true,
    forceDestroyLogBucket: false,
};

function checkLogBucketName(args: CloudfrontCollectorArgs, problems: Problems): string | undefined {
    const name = args.logBucketName;
    if (name === undefined) return undefined;
    if (typeof name !== "string") {
        problems.add("logBucketName", name, 'the name of an existing S3 bucket, such as "acme-snowplow-raw"');
        return undefined;
    }
    const problem = bucketNameProblem(name);
    if (problem !== undefined) problems.add("logBucketName", name, problem);
    for (const [argument, fallback] of Object.entries(OWN_LOG_BUCKET_DEFAULTS) as [
        keyof typeof OWN_LOG_BUCKET_DEFAULTS,
        unknown,
    ][]) {
        if (args[argument] !== undefined && !isDeepStrictEqual(args[argument], fallback)) {
            problems.add(
                argument,
                args[argument],
                `no value with logBucketName: the collector changes no setting of a bucket it does not create`,
            );
        }
    }
    return name;
}

function checkPixelPaths(paths: unknown, problems: Problems): string[] {
    if (paths === undefined) return ["i"];
    if (!Array.isArray(paths) || paths.length === 0) {
        problems.add("pixelPaths", paths, 'a non-empty list of paths, such as ["i"]');
        return [];
    }
    const seen = new Set<string>();
    elementsOf(paths).forEach((path, index) => {
        const argument = `pixelPaths[${index}]`;
        if (typeof path !== "string") {
            problems.add(argument, path, "a string");
            return;
        }
        const problem = pixelPathProblem(path);
        if (problem !== undefined) problems.add(argument, path, problem);
        else if (seen.has(path)) problems.add(argument, path, "each path once: it is already in the list");
        seen.add(path);
    });
    return [...paths];
}

function checkLogPrefix(prefix: unknown, problems: Problems): string {
    if (prefix === undefined) return "";
    if (typeof prefix !== "string") {
        problems.add("logPrefix", prefix, 'a string, such as "cloudfront/"');
        return "";
    }
    const problem = logPrefixProblem(prefix);
    if (problem !== undefined) problems.add("logPrefix", prefix, problem);
    return prefix;
}

function checkViewerProtocolPolicy(policy: unknown, problems: Problems): CollectorSettings["viewerProtocolPolicy"] {
    if (policy === "redirect-to-https") {
        problems.add(
            "viewerProtocolPolicy",
            policy,
            `one of ${VIEWER_PROTOCOL_POLICIES.map(show).join(", ")}: a redirect would log every plain-HTTP event twice`,
        );
        return "allow-all";
    }
    return checkOneOf("viewerProtocolPolicy", policy, VIEWER_PROTOCOL_POLICIES, "allow-all", problems);
}

function checkComment(comment: unknown, fallback: string, problems: Problems): string {
    if (comment === undefined) return fallback.slice(0, MAX_COMMENT_LENGTH);
    if (typeof comment !== "string" || comment.length > MAX_COMMENT_LENGTH) {
        problems.add("comment", comment, `a string of at most ${MAX_COMMENT_LENGTH} characters`);
        return "";
    }
    if (!isXmlText(comment)) {
        problems.add(
            "comment",
            comment,
            "characters that XML can carry, as CloudFront's API needs: no control character but tab and line breaks, no unpaired surrogate, U+FFFE or U+FFFF",
        );
    }
    return comment;
}

function checkWebAclArn(arn: unknown, problems: Problems): pulumi.Input<string> | undefined {
    // An output (for example a web ACL created in the same program) is known
    // only at deploy time; CloudFront checks it then.
    if (arn === undefined || pulumi.Output.isInstance(arn) || arn instanceof Promise) {
        return arn as pulumi.Input<string> | undefined;
    }
    if (typeof arn !== "string" || !CLOUDFRONT_WEB_ACL_ARN.test(arn)) {
        problems.add(
            "webAclArn",
            arn,
            "the ARN of a WAFv2 web ACL with scope CLOUDFRONT (arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<uuid>)",
        );
        return undefined;
    }
    return arn;
}

function checkBoolean(argument: string, value: unknown, fallback: boolean, problems: Problems): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== "boolean") {
        problems.add(argument, value, "true or false");
        return fallback;
    }
    return value;
}

function checkOneOf<T extends string>(
    argument: string,
    value: unknown,
    accepted: readonly T[],
    fallback: T,
    problems: Problems,
): T {
    if (value === undefined) return fallback;
    if (!accepted.includes(value as T)) {
        problems.add(argument, value, `one of ${accepted.map(show).join(", ")}`);
        return fallback;
    }
    return value as T;
}
