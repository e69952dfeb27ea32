/**
 * Rules for the S3 object keys the collector writes or serves: the pixel paths
 * and the log prefix. See
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html.
 */
import { hasUnpairedSurrogate, isXmlText } from "./xml-text";

/** S3 limits an object key to 1,024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;

/**
 * The longest log prefix, in bytes of UTF-8. CloudFront appends a file name of
 * up to 40 bytes (`<distribution id>.<YYYY-MM-DD-HH>.<unique id>.gz`) to the
 * prefix, and the whole key must fit in {@link MAX_KEY_BYTES}.
 */
export const MAX_LOG_PREFIX_BYTES = MAX_KEY_BYTES - 40;

// Control characters cannot be sent in a URL path and S3's XML API cannot
// return some of them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function utf8Bytes(text: string): number {
    return Buffer.byteLength(text, "utf8");
}

/**
 * Why a pixel path cannot be served, or `undefined` if it can. A pixel path is
 * an S3 key that a tracker must be able to reach as `https://<domain>/<path>`.
 */
export function pixelPathProblem(path: string): string | undefined {
    if (path.length === 0) return "a non-empty path";
    if (path.startsWith("/")) return `a path without a leading "/" (for example "${path.replace(/^\/+/, "") || "i"}")`;
    if (/[?#]/.test(path)) return 'a path without "?" or "#": the query string carries the event, not the path';
    if (path.includes("\\")) return 'a path without "\\": browsers turn it into "/"';
    if (CONTROL_CHARACTER.test(path)) return "a path without control characters";
    if (hasUnpairedSurrogate(path))
        return "a path of well-formed Unicode: S3 keys are UTF-8, which has no encoding for an unpaired surrogate";
    if (path.split("/").some((segment) => segment === "." || segment === "..")) {
        return 'a path without "." or ".." segments: browsers and CloudFront remove them before the request reaches S3';
    }
    if (utf8Bytes(path) > MAX_KEY_BYTES) return `a path of at most ${MAX_KEY_BYTES} bytes (UTF-8), the S3 key limit`;
    return undefined;
}

/** Why a log prefix cannot be used, or `undefined` if it can. */
export function logPrefixProblem(prefix: string): string | undefined {
    if (prefix.startsWith("/")) {
        return `a key prefix without a leading "/" (for example "${prefix.replace(/^\/+/, "")}"), or "" for none`;
    }
    if (CONTROL_CHARACTER.test(prefix)) return "a key prefix without control characters";
    if (!isXmlText(prefix)) {
        return "a key prefix that XML can carry, as CloudFront's and S3's APIs need: no unpaired surrogate, U+FFFE or U+FFFF";
    }
    if (utf8Bytes(prefix) > MAX_LOG_PREFIX_BYTES) {
        return `a key prefix of at most ${MAX_LOG_PREFIX_BYTES} bytes (UTF-8), leaving room in the 1,024-byte S3 key for CloudFront's file name`;
    }
    return undefined;
}

/**
 * The URL path of an S3 key: each segment percent-encoded, so that a key with
 * spaces or non-ASCII characters is reached exactly.
 */
export function urlPathOf(key: string): string {
    return key.split("/").map(encodeURIComponent).join("/");
}
