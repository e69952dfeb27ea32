/**
 * HTTP headers as plain data: names in lower case, one string value each.
 * Node's `IncomingMessage.headers` and the edge's responses both use it.
 */
export type HeaderMap = Record<string, string>;

/** Lower-cases the names in `headers`, drops absent values and joins repeated ones with ", ". */
export function toHeaderMap(headers: Record<string, string | string[] | undefined>): HeaderMap {
    const map: HeaderMap = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value === undefined) continue;
        map[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    return map;
}
