// One browser scenario end to end: a tracker page on one loopback origin, the
// edge on another, Chromium loading the page a few times, and everything the
// edge received and the tracker reported gathered for the test to judge.
import { launchChromium } from "./chromium";
import { startEdgeFor, type EdgePlan, type RecordedRequest } from "./edge";
import { OUTCOME_CALLBACK, startTrackerPage, type TrackerOutcome } from "./tracker-page";
import { sleep, waitUntil } from "./wait";

/** A scenario: how the edge is set up for the page's origin, and how the page tracks. */
export interface BrowserScenario {
    /** The edge's plan, given the origin the page is served from. */
    planFor(pageOrigin: string): EdgePlan | Promise<EdgePlan>;
    /** The tracker's `credentials` setting; the tracker's default when absent. */
    credentials?: "omit" | "same-origin" | "include";
    /** Whether the tracker asks for server-side anonymisation, which adds a header and so a preflight. */
    serverAnonymisation?: boolean;
    loads: number;
    eventsPerLoad: number;
    /** Longest wait, per load, for that load's events to be reported sent. */
    loadWindowMs: number;
    /** How long to keep listening after the last load's window. */
    quietMs: number;
}

/** What a scenario produced. */
export interface BrowserRunResult {
    /** The requests to the tracker path `/i`, oldest first. */
    eventRequests: RecordedRequest[];
    /** How many requests to `/i` had arrived when the quiet period began. */
    eventRequestsBeforeQuiet: number;
    /** Every outcome the tracker's callbacks reported. */
    outcomes: TrackerOutcome[];
    /** Every request the edge received, preflights included. */
    allRequests: RecordedRequest[];
}

/** Runs `scenario` and tears everything down, whatever happens. */
export async function runBrowserScenario(scenario: BrowserScenario): Promise<BrowserRunResult> {
    const page = await startTrackerPage({
        eventsPerLoad: scenario.eventsPerLoad,
        credentials: scenario.credentials,
        serverAnonymisation: scenario.serverAnonymisation,
    });
    const edge = await startEdgeFor(await scenario.planFor(page.origin));
    const outcomes: TrackerOutcome[] = [];
    try {
        const browser = await launchChromium();
        try {
            await browser.context.exposeFunction(OUTCOME_CALLBACK, (outcome: TrackerOutcome) => {
                outcomes.push(outcome);
            });
            const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
            for (let load = 1; load <= scenario.loads; load++) {
                await tab.goto(page.urlFor(edge.url));
                const expected = load * scenario.eventsPerLoad;
                await waitUntil(() => sentEventIds(outcomes).size >= expected, scenario.loadWindowMs);
            }
            const eventRequestsBeforeQuiet = tracked(edge.requests).length;
            await sleep(scenario.quietMs);
            return {
                eventRequests: tracked(edge.requests),
                eventRequestsBeforeQuiet,
                outcomes,
                allRequests: [...edge.requests],
            };
        } finally {
            await browser.close();
        }
    } finally {
        await edge.close();
        await page.close();
    }
}

/** The ids of the events the tracker reported as sent. */
export function sentEventIds(outcomes: readonly TrackerOutcome[]): Set<string> {
    return new Set(outcomes.filter((outcome) => outcome.ok).flatMap((outcome) => outcome.eventIds));
}

/** How many requests carried each event id (`eid`). */
export function requestsPerEvent(requests: readonly RecordedRequest[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const request of requests) {
        const eid = new URLSearchParams(request.query).get("eid") ?? "(none)";
        counts.set(eid, (counts.get(eid) ?? 0) + 1);
    }
    return counts;
}

function tracked(requests: readonly RecordedRequest[]): RecordedRequest[] {
    return requests.filter((request) => request.path === "/i" && request.method === "GET");
}
