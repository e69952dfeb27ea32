/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `condition` every 50 ms until it holds or `timeoutMs` has passed, and
 * tells which: the caller asserts on the state itself, so a timeout is not an
 * error here.
 */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() >= deadline) return false;
        await sleep(50);
    }
    return true;
}
