/**
 * Writes `pixel.gif`, the collector's tracking pixel, from the GIF89a
 * specification (https://www.w3.org/Graphics/GIF/spec-gif89a.txt).
 *
 * The image is 1x1, transparent, 43 bytes. It keeps a two-entry global colour
 * table and a graphic control extension rather than the shorter 35-37 byte
 * "optimised" GIFs, which some image proxies (Gmail's among them) refuse.
 *
 * Run with `npx ts-node pixel/make-pixel.ts`; a test checks that the committed
 * file is exactly what this produces.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** The bytes of a transparent 1x1 GIF89a. */
export function transparentGif(): Buffer {
    const header = Buffer.from("GIF89a", "ascii");

    // Logical screen descriptor: 1x1; packed field 0b1000_0000 sets the global
    // colour table flag with size bits 000, i.e. 2^(0+1) = 2 entries.
    const screen = [0x01, 0x00, 0x01, 0x00, 0b1000_0000, 0x00, 0x00];

    // Global colour table: index 0 black (made transparent below), index 1 white.
    const colours = [0x00, 0x00, 0x00, 0xff, 0xff, 0xff];

    // Graphic control extension: 4-byte block, packed field bit 0 = transparent
    // colour flag, no delay, transparent colour index 0, block terminator.
    const control = [0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00];

    // Image descriptor: at (0,0), 1x1, no local colour table, not interlaced.
    const descriptor = [0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];

    // Image data: LZW minimum code size 2, so codes start 3 bits wide with
    // clear = 4 and end-of-information = 5. The codes clear, 0, end packed
    // least significant bit first give 0x44 0x01: one 2-byte sub-block, then
    // the zero-length terminator.
    const data = [0x02, 0x02, 0x44, 0x01, 0x00];

    const trailer = [0x3b];

    return Buffer.concat([
        header,
        Buffer.from([...screen, ...colours, ...control, ...descriptor, ...data, ...trailer]),
    ]);
}

if (require.main === module) {
    writeFileSync(join(__dirname, "pixel.gif"), transparentGif());
}
