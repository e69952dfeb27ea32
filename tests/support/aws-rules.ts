/**
 * What AWS accepts, written from AWS's documented rules (and, for browser
 * origins, from the URL and origin standards), as an oracle for the property
 * tests in hostile-input.test.ts. It shares no code with the component's
 * checks on purpose: a bug copied into both would hide itself.
 *
 * Each function answers one question: would AWS take this value for this
 * setting, and would it then do what the collector uses it for?
 */
import { isIPv6 } from "node:net";

/** Whether `text` is a string that UTF-8 can carry unchanged (no unpaired surrogate). */
export function isWellFormedUnicode(text: string): boolean {
    // An unpaired surrogate does not survive a round trip through UTF-8: it
    // comes back as U+FFFD.
    return Buffer.from(text, "utf8").toString("utf8") === text;
}

/**
 * Whether `text` holds only characters an XML 1.0 document may contain (the
 * `Char` production): CloudFront's and S3's configuration APIs are XML, and a
 * character outside it makes the request malformed.
 * See https://www.w3.org/TR/xml/#charsets.
 */
export function isXmlText(text: string): boolean {
    for (const char of text) {
        const code = char.codePointAt(0)!;
        const allowed =
            code === 0x9 ||
            code === 0xa ||
            code === 0xd ||
            (code >= 0x20 && code <= 0xd7ff) ||
            (code >= 0xe000 && code <= 0xfffd) ||
            (code >= 0x10000 && code <= 0x10ffff);
        if (!allowed) return false;
    }
    return true;
}

/**
 * An S3 object key: 1 to 1,024 bytes of UTF-8.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html.
 */
export function isS3ObjectKey(key: unknown): boolean {
    return (
        typeof key === "string" &&
        isWellFormedUnicode(key) &&
        Buffer.byteLength(key) >= 1 &&
        Buffer.byteLength(key) <= 1024
    );
}

/**
 * A pixel path: an S3 key that a tracker reaches as `https://<domain>/<path>`.
 * Browsers remove `.` and `..` segments from a URL path before sending it
 * (RFC 3986 section 5.2.4), so a key with one can never be requested.
 */
export function isPixelPath(path: unknown): boolean {
    if (!isS3ObjectKey(path)) return false;
    return (path as string).split("/").every((segment) => segment !== "." && segment !== "..");
}

/** `pixelPaths`: a non-empty list of distinct pixel paths, each element present. */
export function isPixelPathList(paths: unknown): boolean {
    if (!isDenseArray(paths) || paths.length === 0) return false;
    return paths.every(isPixelPath) && new Set(paths).size === paths.length;
}

/**
 * The longest file name CloudFront's standard logging puts after the prefix:
 * `<distribution id>.<YYYY-MM-DD-HH>.<unique id>.gz`, 14 + 1 + 13 + 1 + 8 + 3.
 * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html.
 */
const LOG_FILE_NAME_BYTES = 40;

/**
 * A log prefix: together with CloudFront's file name it must make an S3 key
 * (at most 1,024 bytes), and it travels in CloudFront's and S3's XML APIs.
 */
export function isLogPrefix(prefix: unknown): boolean {
    if (typeof prefix !== "string") return false;
    return isWellFormedUnicode(prefix) && isXmlText(prefix) && Buffer.byteLength(prefix) + LOG_FILE_NAME_BYTES <= 1024;
}

/**
 * A distribution's comment: at most 128 characters, sent in the XML body of
 * CreateDistribution. Counted in UTF-16 code units, the stricter of the two
 * ways "characters" can be read.
 * See https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html.
 */
export function isDistributionComment(comment: unknown): boolean {
    return typeof comment === "string" && comment.length <= 128 && isWellFormedUnicode(comment) && isXmlText(comment);
}

/** CloudFront's price classes (API `PriceClass`). */
export const AWS_PRICE_CLASSES = ["PriceClass_100", "PriceClass_200", "PriceClass_All"];

/** CloudFront's viewer protocol policies (API `ViewerProtocolPolicy`). */
export const AWS_VIEWER_PROTOCOL_POLICIES = ["allow-all", "https-only", "redirect-to-https"];

/** CloudFront's security policies for a custom certificate (API `MinimumProtocolVersion`). */
export const AWS_MINIMUM_PROTOCOL_VERSIONS = [
    "SSLv3",
    "TLSv1",
    "TLSv1_2016",
    "TLSv1.1_2016",
    "TLSv1.2_2018",
    "TLSv1.2_2019",
    "TLSv1.2_2021",
    "TLSv1.2_2025",
    "TLSv1.3_2025",
];

function isDnsLabel(label: string): boolean {
    if (label.length < 1 || label.length > 63) return false;
    if (label.startsWith("-") || label.endsWith("-")) return false;
    for (const char of label) {
        if (!(
            (char >= "a" && char <= "z") ||
            (char >= "A" && char <= "Z") ||
            (char >= "0" && char <= "9") ||
            char === "-"
        ))
            return false;
    }
    return true;
}

/**
 * A host name of letters, digits and hyphens (RFC 1123 section 2.1), at most
 * 253 characters, with at least `minLabels` labels, optionally with `*` as
 * the whole first label. A name whose last label is all digits is not one:
 * URL parsers read it as an IPv4 address.
 */
function isHostName(name: string, minLabels: number): boolean {
    if (name.length > 253) return false;
    const labels = name.split(".");
    if (labels[0] === "*") labels.shift();
    if (labels.length < minLabels || !labels.every(isDnsLabel)) return false;
    return !/^\d+$/.test(labels[labels.length - 1]);
}

/**
 * A CloudFront alternate domain name: a host name, optionally with `*` as the
 * whole first label, no trailing dot, at most 253 characters.
 * See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html.
 */
export function isAlternateDomainName(name: unknown): boolean {
    return typeof name === "string" && isHostName(name, 2);
}

/** `domainNames`: at most 100 (CloudFront's default quota) distinct alternate domain names. */
export function isAlternateDomainNameList(names: unknown): boolean {
    if (!isDenseArray(names) || names.length > 100) return false;
    if (!names.every(isAlternateDomainName)) return false;
    return new Set(names.map((n) => (n as string).toLowerCase())).size === names.length;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The ARN of an ACM certificate that CloudFront can use: in us-east-1, which
 * only the `aws` partition has; ACM names certificates by a UUID.
 * See https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html.
 */
export function isCloudFrontCertificateArn(arn: unknown): boolean {
    if (typeof arn !== "string") return false;
    const parts = arn.split(":");
    if (parts.length !== 6) return false;
    const [scheme, partition, service, region, account, resource] = parts;
    return (
        scheme === "arn" &&
        partition === "aws" &&
        service === "acm" &&
        region === "us-east-1" &&
        /^\d{12}$/.test(account) &&
        resource.startsWith("certificate/") &&
        UUID.test(resource.slice("certificate/".length))
    );
}

/** A Route 53 hosted zone ID: `Z` and then upper-case letters and digits, 32 characters at most. */
export function isHostedZoneId(id: unknown): boolean {
    return typeof id === "string" && id.length >= 2 && id.length <= 32 && id[0] === "Z" && /^[A-Z0-9]+$/.test(id);
}

/**
 * The ARN of a WAFv2 web ACL that CloudFront can use: scope CLOUDFRONT (in
 * us-east-1, `global` in the ARN), a name of 1-128 word characters or
 * hyphens, and a UUID.
 * See https://docs.aws.amazon.com/waf/latest/APIReference/API_CreateWebACL.html.
 */
export function isCloudFrontWebAclArn(arn: unknown): boolean {
    if (typeof arn !== "string") return false;
    const parts = arn.split(":");
    if (parts.length !== 6) return false;
    const [scheme, partition, service, region, account, resource] = parts;
    const path = resource.split("/");
    return (
        scheme === "arn" &&
        partition === "aws" &&
        service === "wafv2" &&
        region === "us-east-1" &&
        /^\d{12}$/.test(account) &&
        path.length === 4 &&
        path[0] === "global" &&
        path[1] === "webacl" &&
        /^[A-Za-z0-9_-]{1,128}$/.test(path[2]) &&
        UUID.test(path[3])
    );
}

/**
 * A general purpose S3 bucket name.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html.
 */
export function isBucketName(name: unknown): boolean {
    if (typeof name !== "string" || name.length < 3 || name.length > 63) return false;
    const alphanumeric = (c: string) => (c >= "a" && c <= "z") || (c >= "0" && c <= "9");
    if (![...name].every((c) => alphanumeric(c) || c === "." || c === "-")) return false;
    if (!alphanumeric(name[0]) || !alphanumeric(name[name.length - 1])) return false;
    if (name.includes("..")) return false;
    const quad = name.split(".");
    if (quad.length === 4 && quad.every((part) => /^\d+$/.test(part))) return false;
    if (["xn--", "sthree-", "amzn-s3-demo-"].some((p) => name.startsWith(p))) return false;
    return !["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].some((s) => name.endsWith(s));
}

/**
 * A number of days in an S3 lifecycle rule (expiration, noncurrent version
 * expiration, incomplete multipart uploads): a positive 32-bit integer.
 * See https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleExpiration.html.
 */
export function isLifecycleDays(days: unknown): boolean {
    return typeof days === "number" && Number.isInteger(days) && days >= 1 && days <= 2 ** 31 - 1;
}

/** The storage classes a lifecycle transition can go to. */
export const AWS_TRANSITION_STORAGE_CLASSES = [
    "STANDARD_IA",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
];

/**
 * The moves S3 makes between storage classes, from each class to the ones it
 * may go to next. One Zone-IA goes on only to Glacier Flexible Retrieval or
 * Deep Archive, not to Glacier Instant Retrieval.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html.
 */
const NEXT_CLASSES: Record<string, string[]> = {
    STANDARD_IA: ["INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"],
    INTELLIGENT_TIERING: ["ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"],
    ONEZONE_IA: ["GLACIER", "DEEP_ARCHIVE"],
    GLACIER_IR: ["GLACIER", "DEEP_ARCHIVE"],
    GLACIER: ["DEEP_ARCHIVE"],
    DEEP_ARCHIVE: [],
};

/**
 * How long an object must stay in a class before S3 moves it on. The IA
 * classes' 30 days are documented; for the Glacier classes S3 refuses a next
 * step less than 90 days later ("'Days' in the 'Transition' action for
 * StorageClass 'DEEP_ARCHIVE' ... must be 90 days more than ... 'GLACIER'").
 */
const DAYS_BEFORE_NEXT: Record<string, number> = {
    STANDARD_IA: 30,
    INTELLIGENT_TIERING: 0,
    ONEZONE_IA: 30,
    GLACIER_IR: 90,
    GLACIER: 90,
    DEEP_ARCHIVE: 0,
};

/**
 * `logTransitions` with `logExpirationDays`, as one S3 lifecycle rule:
 * STANDARD_IA and ONEZONE_IA from day 30, the others from day 0 (a 32-bit
 * integer either way); each class once, along S3's moves, each step at
 * least as long after the one before as that class requires; expiry after
 * the last move.
 * See https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html.
 */
export function isLifecycle(transitions: unknown, expirationDays: unknown): boolean {
    if (expirationDays !== undefined && !isLifecycleDays(expirationDays)) return false;
    if (transitions === undefined) return true;
    if (!isDenseArray(transitions)) return false;
    const steps: { days: number; storageClass: string }[] = [];
    for (const t of transitions) {
        if (typeof t !== "object" || t === null || Array.isArray(t)) return false;
        const { days, storageClass } = t as Record<string, unknown>;
        if (typeof storageClass !== "string" || !AWS_TRANSITION_STORAGE_CLASSES.includes(storageClass)) return false;
        const least = storageClass === "STANDARD_IA" || storageClass === "ONEZONE_IA" ? 30 : 0;
        if (typeof days !== "number" || !Number.isInteger(days) || days < least || days > 2 ** 31 - 1) return false;
        steps.push({ days, storageClass });
    }
    steps.sort((a, b) => a.days - b.days);
    for (let i = 1; i < steps.length; i += 1) {
        const [before, after] = [steps[i - 1], steps[i]];
        if (!NEXT_CLASSES[before.storageClass].includes(after.storageClass)) return false;
        if (after.days <= before.days || after.days - before.days < DAYS_BEFORE_NEXT[before.storageClass]) return false;
    }
    const last = steps[steps.length - 1];
    return expirationDays === undefined || last === undefined || (expirationDays as number) > last.days;
}

function isTagText(text: string, min: number, max: number): boolean {
    const characters = [...text];
    if (characters.length < min || characters.length > max) return false;
    if (text.toLowerCase().startsWith("aws:")) return false;
    return characters.every((c) => /[\p{L}\p{Z}\p{N}]/u.test(c) || "_.:/=+-@".includes(c));
}

/**
 * Tags for S3 buckets, CloudFront distributions and ACM certificates: a map
 * (a plain object) of at most 50 tags; keys of 1-128 and values of 0-256
 * Unicode characters, letters, digits, spaces and `_ . : / = + - @`, neither
 * starting with `aws:` in any case.
 * See https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html.
 */
export function isTagMap(tags: unknown): boolean {
    if (typeof tags !== "object" || tags === null) return false;
    const prototype = Object.getPrototypeOf(tags);
    if (prototype !== Object.prototype && prototype !== null) return false;
    const entries = Object.entries(tags);
    if (entries.length > 50) return false;
    return entries.every(
        ([key, value]) => isTagText(key, 1, 128) && typeof value === "string" && isTagText(value, 0, 256),
    );
}

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

function isIpv4(host: string): boolean {
    const octets = host.split(".");
    return octets.length === 4 && octets.every((o) => /^(?:0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255);
}

/**
 * An origin the collector can name in `Access-Control-Allow-Origin`: one a
 * browser sends in its `Origin` header (RFC 6454: scheme, host and a port
 * only when it is not the scheme's default), or CloudFront's form with `*`
 * as the first label for any subdomain. IPv4 addresses are written as four
 * decimal numbers without leading zeros, IPv6 addresses in brackets.
 */
export function isCorsOrigin(origin: unknown): boolean {
    if (typeof origin !== "string") return false;
    const match = /^(https?:)\/\/([^/:?#[\]]+|\[[^\]]*\])(?::([^/?#]*))?$/i.exec(origin);
    if (match === null) return false;
    const [, scheme, host, port] = match;
    if (port !== undefined) {
        if (!/^[1-9]\d*$/.test(port) || Number(port) > 65535) return false;
        if (port === DEFAULT_PORTS[scheme.toLowerCase()]) return false;
    }
    if (host.startsWith("[")) return isIPv6(host.slice(1, -1));
    if (/^[\d.]+$/.test(host)) return isIpv4(host);
    return isHostName(host, 1);
}

/** `allowedOrigins`: none (any origin), `["*"]` alone, or origins a browser sends. */
export function isCorsOriginList(origins: unknown): boolean {
    if (!isDenseArray(origins)) return false;
    if (origins.length === 1 && origins[0] === "*") return true;
    return origins.every(isCorsOrigin);
}

/** A list every index of which holds an element (no holes), of any element type. */
export function isDenseArray(list: unknown): list is unknown[] {
    if (!Array.isArray(list)) return false;
    for (let i = 0; i < list.length; i += 1) if (!(i in list)) return false;
    return true;
}
