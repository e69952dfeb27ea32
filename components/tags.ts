import { Problems, show } from "./problems";

/** AWS accepts at most 50 user tags on an S3 bucket or a CloudFront distribution. */
export const MAX_TAGS = 50;

// The characters AWS allows in tag keys and values: letters, digits, spaces
// and _ . : / = + - @ (https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html).
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Checks `tags` and returns a copy, or `{}` when there are none. */
export function checkTags(tags: unknown, problems: Problems): Record<string, string> {
    if (tags === undefined) return {};
    // A plain object only: Object.entries sees nothing of a Map and the
    // characters of a String object, so either would lose or invent tags.
    const prototype = typeof tags === "object" && tags !== null ? Object.getPrototypeOf(tags) : undefined;
    if (prototype !== Object.prototype && prototype !== null) {
        problems.add("tags", tags, "a map of tag names to string values");
        return {};
    }
    const entries = Object.entries(tags as Record<string, unknown>);
    if (entries.length > MAX_TAGS) {
        problems.add("tags", `${entries.length} tags`, `at most ${MAX_TAGS} tags`);
    }
    for (const [key, value] of entries) {
        const keyLength = [...key].length;
        if (keyLength < 1 || keyLength > 128 || !TAG_CHARACTERS.test(key) || isReserved(key)) {
            problems.add(
                `tags key ${show(key)}`,
                key,
                "a key of 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:",
            );
        }
        if (typeof value !== "string" || [...value].length > 256 || !TAG_CHARACTERS.test(value) || isReserved(value)) {
            problems.add(
                `tags[${show(key)}]`,
                value,
                "a string of at most 256 letters, digits, spaces or _ . : / = + - @, not starting with aws:",
            );
        }
    }
    return { ...(tags as Record<string, string>) };
}

/** AWS reserves the `aws:` prefix, in any case, for its own tag keys and values. */
function isReserved(text: string): boolean {
    return text.toLowerCase().startsWith("aws:");
}
