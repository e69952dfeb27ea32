import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GifReader } from "omggif";
import { pixelFilePath } from "../components/pixel";
import { transparentGif } from "../pixel/make-pixel";
import { build, T, useMockEngine } from "./support/harness";

const committed = readFileSync(join(__dirname, "..", "pixel", "pixel.gif"));

describe("the pixel", () => {
    useMockEngine();

    it("is a 43-byte GIF89a", () => {
        assert.equal(committed.length, 43);
        assert.equal(committed.subarray(0, 6).toString("ascii"), "GIF89a");
    });

    it("decodes as one fully transparent pixel", () => {
        const gif = new GifReader(committed);
        assert.equal(gif.width, 1);
        assert.equal(gif.height, 1);
        assert.equal(gif.numFrames(), 1);
        // The decoder leaves transparent pixels as they were and paints the others.
        const canvas = new Uint8Array([1, 2, 3, 4]);
        gif.decodeAndBlitFrameRGBA(0, canvas);
        assert.deepEqual([...canvas], [1, 2, 3, 4]);
    });

    it("keeps a two-entry global colour table and a graphic control extension", () => {
        const gif = new GifReader(committed);
        assert.equal(committed[10] & 0b1000_0111, 0b1000_0000, "global colour table flag with 2 entries");
        assert.equal(gif.frameInfo(0).transparent_index, 0);
        assert.deepEqual([...committed.subarray(19, 22)], [0x21, 0xf9, 0x04]);
    });

    it("is what pixel/make-pixel.ts makes from the specification", () => {
        assert.deepEqual(transparentGif(), committed);
    });

    it("is uploaded under every pixel path with the image/gif content type", async () => {
        const { children } = await build({ pixelPaths: ["i", "ice.png", "com.snowplowanalytics.iglu/v1"] });
        const objects = children(T.object);
        assert.deepEqual(objects.map((o) => o.inputs.key).sort(), ["com.snowplowanalytics.iglu/v1", "i", "ice.png"]);
        for (const o of objects) {
            assert.equal(o.inputs.contentType, "image/gif");
            assert.deepEqual(Buffer.from(o.inputs.contentBase64 as string, "base64"), committed);
        }
    });

    it("is uploaded to the pixel bucket", async () => {
        const built = await build();
        const bucket = built.child(T.bucket, "pixel-bucket");
        assert.equal(built.child(T.object, "pixel-i").inputs.bucket, bucket.outputs.bucket);
    });

    it("is served under i by default", async () => {
        const { children } = await build();
        assert.deepEqual(
            children(T.object).map((o) => o.inputs.key),
            ["i"],
        );
    });

    it("goes into the state as content, with no local file path", async () => {
        const built = await build();
        const inputs = built.child(T.object, "pixel-i").inputs;
        assert.equal(inputs.source, undefined);
        assert.ok(
            !JSON.stringify(inputs).includes(__dirname.split("/tests")[0]),
            "no path of this checkout in the inputs",
        );
    });

    it("tells browsers not to cache it, so that every event reaches CloudFront", async () => {
        const built = await build();
        assert.equal(built.child(T.object, "pixel-i").inputs.cacheControl, "no-cache, no-store, must-revalidate");
    });

    it("is read from pixel/pixel.gif beside components/ when the library runs from source", () => {
        assert.equal(pixelFilePath(), join(__dirname, "..", "pixel", "pixel.gif"));
    });

    it("has a resource name for each path, with : and % encoded so that no two paths share one", async () => {
        const built = await build({ pixelPaths: ["a:b", "a%3Ab", "a%b"] });
        assert.deepEqual(
            built.children(T.object).map((o) => [o.inputs.key, o.name.slice(`${built.name}-pixel-`.length)]),
            [
                ["a:b", "a%3Ab"],
                ["a%3Ab", "a%253Ab"],
                ["a%b", "a%25b"],
            ],
        );
    });

    it("keeps its resource name when the pixel paths are reordered", async () => {
        const first = await build({ pixelPaths: ["i", "ice.png"] }, "order-a");
        const second = await build({ pixelPaths: ["ice.png", "i"] }, "order-b");
        const names = (b: typeof first, prefix: string) =>
            b
                .children(T.object)
                .map((o) => `${o.name.slice(prefix.length)}=${o.inputs.key}`)
                .sort();
        assert.deepEqual(names(first, "order-a"), names(second, "order-b"));
    });
});
