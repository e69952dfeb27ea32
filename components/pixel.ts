import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The content type the pixel is served with; without it S3 serves `application/octet-stream`. */
export const PIXEL_CONTENT_TYPE = "image/gif";

/**
 * The `Cache-Control` stored with the pixel and sent to viewers: browsers and
 * proxies must not answer a tracker's request from their cache, or the event
 * never reaches CloudFront and its log. CloudFront itself still caches the
 * pixel (see the cache policy).
 */
export const PIXEL_CACHE_CONTROL = "no-cache, no-store, must-revalidate";

/**
 * The path of `pixel/pixel.gif` in this package. The pixel sits beside the
 * library's own folder, which is one level below the package root both when
 * run from source (`components/`) and from the published package (`dist/`),
 * so one path serves both; package.json's `files` ships it.
 */
export function pixelFilePath(): string {
    const path = join(__dirname, "..", "pixel", "pixel.gif");
    if (!existsSync(path)) {
        throw new Error(`cloudfront-collector: the pixel is missing from the package (looked for ${path})`);
    }
    return path;
}

let cached: string | undefined;

/**
 * The pixel's bytes, base64-encoded: what the S3 object is created with. The
 * content, not a file path, goes into the state, so the same pixel gives the
 * same state on every machine.
 */
export function pixelBase64(): string {
    cached ??= readFileSync(pixelFilePath()).toString("base64");
    return cached;
}
