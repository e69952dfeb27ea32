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

const PIXEL_FILE = join("pixel", "pixel.gif");

/**
 * Finds `pixel/pixel.gif` in this package: next to `components/` when run from
 * source, one level further up when run from the compiled `dist/components/`.
 */
export function pixelFilePath(): string {
    const candidates = [join(__dirname, "..", PIXEL_FILE), join(__dirname, "..", "..", PIXEL_FILE)];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (found === undefined) {
        throw new Error(
            `cloudfront-collector: ${PIXEL_FILE} is missing from the package (looked for ${candidates.join(", ")})`,
        );
    }
    return found;
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
