// Real-client proof that the distribution's CORS response headers policy makes
// each event a browser tracks arrive exactly once, and that without it the
// tracker resends and stalls (the fault the policy is there to prevent).
import { strict as assert } from "node:assert";
import { requireChromium } from "./support/chromium";
import { collectorPlan, corsPolicy } from "./support/fixtures";
import { requestsPerEvent, runBrowserScenario, sentEventIds, type BrowserRunResult } from "./support/browser-run";

const LOADS = 2;
const EVENTS_PER_LOAD = 3;
const EVENTS = LOADS * EVENTS_PER_LOAD;

// A load whose events are all accepted is done in well under a second; a
// failing one is given long enough to show its retries, and the quiet period
// catches any late resend.
const TIMING = { loads: LOADS, eventsPerLoad: EVENTS_PER_LOAD, loadWindowMs: 5_000, quietMs: 3_000 };

function failures(run: BrowserRunResult) {
    return run.outcomes.filter((outcome) => !outcome.ok);
}

describe("the browser tracker against the edge", function () {
    this.timeout(60_000);

    before(function () {
        requireChromium();
    });

    describe("with a policy that names the page's origin and allows credentials", () => {
        let run: BrowserRunResult;
        before(async () => {
            run = await runBrowserScenario({ ...TIMING, planFor: (page) => collectorPlan(corsPolicy([page], true)) });
        });

        it("delivers each tracked event to /i exactly once", () => {
            const counts = requestsPerEvent(run.eventRequests);
            assert.deepEqual([counts.size, [...counts.values()].every((n) => n === 1)], [EVENTS, true]);
        });

        it("has the tracker report every delivered event as sent", () => {
            const delivered = [...requestsPerEvent(run.eventRequests).keys()].sort();
            assert.deepEqual([...sentEventIds(run.outcomes)].sort(), delivered);
        });

        it("has the tracker report no failed request", () => {
            assert.deepEqual(failures(run), []);
        });

        it("receives nothing more once the events are sent", () => {
            assert.equal(run.eventRequests.length, run.eventRequestsBeforeQuiet);
        });
    });

    describe("with no response headers policy", () => {
        let run: BrowserRunResult;
        before(async () => {
            run = await runBrowserScenario({ ...TIMING, planFor: () => collectorPlan() });
        });

        it("receives the same event more than once", () => {
            const counts = [...requestsPerEvent(run.eventRequests).values()];
            assert.ok(Math.max(0, ...counts) > 1, `requests per event: ${JSON.stringify(counts)}`);
        });

        it("never receives some of the tracked events", () => {
            assert.ok(requestsPerEvent(run.eventRequests).size < EVENTS);
        });

        it("has the tracker report failures and no success", () => {
            assert.deepEqual([failures(run).length > 0, sentEventIds(run.outcomes).size], [true, 0]);
        });
    });

    describe("with * origins and credentials allowed off", () => {
        const starPolicy = () => collectorPlan(corsPolicy(["*"], false));

        describe("and a tracker that sends credentials (its default)", () => {
            let run: BrowserRunResult;
            before(async () => {
                run = await runBrowserScenario({ ...TIMING, planFor: starPolicy });
            });

            it("has the tracker report failures and no success", () => {
                assert.deepEqual([failures(run).length > 0, sentEventIds(run.outcomes).size], [true, 0]);
            });
        });

        describe("and a tracker set to credentials: 'omit'", () => {
            let run: BrowserRunResult;
            before(async () => {
                run = await runBrowserScenario({ ...TIMING, credentials: "omit", planFor: starPolicy });
            });

            it("delivers each tracked event to /i exactly once", () => {
                const counts = requestsPerEvent(run.eventRequests);
                assert.deepEqual([counts.size, [...counts.values()].every((n) => n === 1)], [EVENTS, true]);
            });

            it("has the tracker report every event as sent and none as failed", () => {
                assert.deepEqual([sentEventIds(run.outcomes).size, failures(run).length], [EVENTS, 0]);
            });

            it("receives nothing more once the events are sent", () => {
                assert.equal(run.eventRequests.length, run.eventRequestsBeforeQuiet);
            });
        });
    });
});
