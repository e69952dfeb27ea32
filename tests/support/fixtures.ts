// Hand-made stand-ins for the component's planned inputs, until the harness is
// fed the real plan.
import type { PixelObjectInputs, ResponseHeadersPolicyInputs } from "./cloudfront-inputs";
import type { EdgePlan } from "./edge";

// A transparent 1x1 GIF89a of 43 bytes, laid out field by field from the
// GIF89a specification: header, logical screen descriptor with a two-entry
// global colour table, the table (black, white), a graphic control extension
// marking index 0 transparent, an image descriptor, LZW data (minimum code
// size 2: clear, index 0, end of information) and the trailer.
const TRANSPARENT_GIF = Buffer.from([
    ...Buffer.from("GIF89a", "ascii"),
    0x01,
    0x00,
    0x01,
    0x00,
    0x80,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0xff,
    0xff,
    0xff,
    0x21,
    0xf9,
    0x04,
    0x01,
    0x00,
    0x00,
    0x00,
    0x00,
    0x2c,
    0x00,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00,
    0x02,
    0x02,
    0x44,
    0x01,
    0x00,
    0x3b,
]);

/** The pixel object at `key`, as the component registers it. */
export function pixelAt(key: string): PixelObjectInputs {
    return { key, contentBase64: TRANSPARENT_GIF.toString("base64"), contentType: "image/gif" };
}

/**
 * A response headers policy whose CORS config allows `origins`, with
 * credentials as given: the shape the component will register.
 */
export function corsPolicy(origins: string[], allowCredentials: boolean): ResponseHeadersPolicyInputs {
    return {
        name: "collector-cors",
        corsConfig: {
            accessControlAllowCredentials: allowCredentials,
            accessControlAllowHeaders: { items: ["*"] },
            accessControlAllowMethods: { items: ["GET", "HEAD", "OPTIONS"] },
            accessControlAllowOrigins: { items: origins },
            accessControlMaxAgeSec: 600,
            originOverride: true,
        },
    };
}

/** The collector's edge: the tracker pixel at `/i`, GET and HEAD, and `policy` if given. */
export function collectorPlan(policy?: ResponseHeadersPolicyInputs): EdgePlan {
    return { pixels: [pixelAt("i")], allowedMethods: ["GET", "HEAD"], responseHeadersPolicy: policy };
}
