// A page on its own loopback origin that loads the Snowplow browser tracker
// and tracks a few events, the way a customer's site would.
import { readFileSync } from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";

// The package ships a self-contained UMD build that defines the global
// `snowplowBrowserTracking`, so the page can load it as is, with no bundler.
const TRACKER_BUNDLE = readFileSync(require.resolve("@snowplow/browser-tracker/dist/index.umd.min.js"));

/** How the page sets up the tracker. */
export interface TrackerPageOptions {
    /** How many events each load of the page tracks: one page view, then structured events. */
    eventsPerLoad: number;
    /** The tracker's `credentials` setting; the tracker's own default ('include') when absent. */
    credentials?: "omit" | "same-origin" | "include";
    /** Ask for server-side anonymisation: the tracker then sends `SP-Anonymous`, which needs a preflight. */
    serverAnonymisation?: boolean;
}

/** A running page server. */
export interface TrackerPage {
    /** The page's URL, on an origin of its own, sending events to `collectorUrl` (the edge's base URL). */
    urlFor(collectorUrl: string): string;
    /** The page's origin, as the browser sends it in the Origin header. */
    origin: string;
    close(): Promise<void>;
}

/**
 * Name of the function the page calls with each of the tracker's request
 * outcomes; the test exposes it to the page before loading it.
 */
export const OUTCOME_CALLBACK = "reportTrackerOutcome";

/** One outcome as the page reports it: which events one collector request carried. */
export interface TrackerOutcome {
    ok: boolean;
    eventIds: string[];
    status?: number;
    willRetry?: boolean;
}

/** Starts the page server on 127.0.0.1 at a free port. */
export async function startTrackerPage(options: TrackerPageOptions): Promise<TrackerPage> {
    const html = pageHtml(options);
    const server = http.createServer((req, res) => {
        if (req.url === "/sp.js") {
            res.writeHead(200, { "content-type": "text/javascript" });
            res.end(TRACKER_BUNDLE);
        } else if (req.url?.startsWith("/?")) {
            res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
            res.end(html);
        } else {
            res.writeHead(404);
            res.end();
        }
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        urlFor: (collectorUrl) => `${origin}/?collector=${encodeURIComponent(collectorUrl)}`,
        origin,
        close: () => {
            server.closeAllConnections();
            return new Promise((resolve) => server.close(() => resolve()));
        },
    };
}

function pageHtml(options: TrackerPageOptions): string {
    // The collector's URL comes in the page's query string: the edge, whose
    // policy names this page's origin, can only start once that origin is known.
    const setup = JSON.stringify({
        eventsPerLoad: options.eventsPerLoad,
        credentials: options.credentials,
        serverAnonymisation: options.serverAnonymisation ?? false,
    });
    // The callbacks are the tracker's documented way to learn whether a
    // request reached the collector and was accepted (v4 emitter options).
    return `<!doctype html>
<html><head><title>tracker harness</title><script src="/sp.js"></script></head>
<body><script>
const setup = ${setup};
const collectorUrl = new URLSearchParams(location.search).get("collector");
const sp = window.snowplowBrowserTracking;
const report = (outcome) => window.${OUTCOME_CALLBACK}(outcome);
const options = {
  appId: "harness",
  eventMethod: "get",
  onRequestSuccess: (batch) => report({ ok: true, eventIds: batch.map((event) => event.eid) }),
  onRequestFailure: (failure) => report({
    ok: false,
    eventIds: failure.events.map((event) => event.eid),
    status: failure.status,
    willRetry: failure.willRetry,
  }),
};
if (setup.credentials !== undefined) options.credentials = setup.credentials;
if (setup.serverAnonymisation) options.anonymousTracking = { withServerAnonymisation: true };
sp.newTracker("harness", collectorUrl, options);
sp.trackPageView();
for (let i = 1; i < setup.eventsPerLoad; i++) {
  sp.trackStructEvent({ category: "harness", action: "click", label: String(i) });
}
</script></body></html>`;
}
