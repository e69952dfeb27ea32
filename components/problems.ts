/** One argument that a collector cannot accept, and why. */
export interface ArgumentProblem {
    /** The argument's name, with an index or key where it is in a list or map: `pixelPaths[1]`. */
    argument: string;
    /** The value received. */
    value: unknown;
    /** What the argument accepts, as a sentence fragment: `one of "allow-all", "https-only"`. */
    accepted: string;
}

/**
 * Thrown by the `CloudfrontCollector` constructor, before any resource is
 * created, when one or more arguments are wrong. The message lists all of them.
 */
export class CollectorArgumentsError extends Error {
    constructor(
        readonly component: string,
        readonly problems: readonly ArgumentProblem[],
    ) {
        super(
            `CloudfrontCollector "${component}" has ${problems.length === 1 ? "an invalid argument" : `${problems.length} invalid arguments`}:\n` +
                problems.map((p) => `  - ${describe(p)}`).join("\n"),
        );
        this.name = "CollectorArgumentsError";
    }
}

function describe(problem: ArgumentProblem): string {
    return `${problem.argument}: got ${show(problem.value)}; expected ${problem.accepted}`;
}

/** Shows a received value as the user would have written it. */
export function show(value: unknown): string {
    if (value === undefined) return "undefined";
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "function") return "a function";
    if (typeof value === "bigint") return `${value}n`;
    try {
        const text = JSON.stringify(value);
        // JSON has no form for a symbol, the one value left here; String() names it.
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        if (text === undefined) return String(value);
        return text.length > 200 ? `${text.slice(0, 200)}...` : text;
    } catch {
        return Object.prototype.toString.call(value);
    }
}

/** Collects problems while the arguments are checked, so that all are reported at once. */
export class Problems {
    private readonly found: ArgumentProblem[] = [];

    add(argument: string, value: unknown, accepted: string): void {
        this.found.push({ argument, value, accepted });
    }

    /** Throws a {@link CollectorArgumentsError} if any problem was found. */
    throwIfAny(component: string): void {
        if (this.found.length > 0) throw new CollectorArgumentsError(component, this.found);
    }
}

/**
 * The elements of `list`, holes included as `undefined`: `forEach` and `map`
 * skip the holes of a sparse array (`[, "i"]`), which would let a missing
 * element through every check.
 */
export function elementsOf(list: unknown[]): unknown[] {
    return Array.from(list);
}
