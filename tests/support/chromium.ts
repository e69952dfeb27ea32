// Debian's Chromium, driven by playwright-core, one fresh profile per run.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

// Flags that keep the browser from talking to anything but the loopback
// servers the test started: no background fetches, updates, sync or QUIC.
const CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
];

/** A browser context on a profile of its own, and how to dispose of both. */
export interface ChromiumSession {
    context: BrowserContext;
    close(): Promise<void>;
}

/**
 * Throws, so that the suite fails rather than skips, when Debian's Chromium
 * is not installed.
 */
export function requireChromium(): void {
    if (!existsSync(CHROMIUM_PATH)) {
        throw new Error(
            `Chromium is missing at ${CHROMIUM_PATH}: the browser tests need Debian's package. ` +
                "Install it with `apt-get update && apt-get install -y chromium` (or run .ci/install-chromium).",
        );
    }
}

/**
 * Launches Chromium headless with a fresh user-data-dir, so that no cookie,
 * local storage or tracker queue survives from one test to the next.
 */
export async function launchChromium(): Promise<ChromiumSession> {
    requireChromium();
    const profile = mkdtempSync(join(tmpdir(), "harness-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
    });
    return {
        context,
        close: async () => {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
        },
    };
}
