// Real-client proof, in Chromium with the Snowplow browser tracker, that the
// distribution the component plans turns each tracked event into exactly one
// request, and that a distribution lacking its response headers policy makes
// the tracker resend and stall (the fault the policy is there to prevent).
import { strict as assert } from "node:assert";
import { requireChromium } from "./support/chromium";
import { requestsPerEvent, runBrowserScenario, sentEventIds, type BrowserRunResult } from "./support/browser-run";
import { plannedEdge, withoutPolicy } from "./support/planned-edge";

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

function assertEachEventOnce(run: BrowserRunResult) {
    const counts = requestsPerEvent(run.eventRequests);
    assert.deepEqual(
        [counts.size, [...counts.values()].every((n) => n === 1)],
        [EVENTS, true],
        JSON.stringify([...counts]),
    );
}

describe("the browser tracker against the planned distribution", function () {
    this.timeout(60_000);

    before(function () {
        requireChromium();
    });

    describe("with allowedOrigins naming the page's origin", () => {
        let run: BrowserRunResult;
        before(async () => {
            run = await runBrowserScenario({ ...TIMING, planFor: (page) => plannedEdge({ allowedOrigins: [page] }) });
        });

        it("delivers each tracked event to /i exactly once", () => {
            assertEachEventOnce(run);
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

    describe("with the same distribution lacking its response headers policy", () => {
        let run: BrowserRunResult;
        before(async () => {
            run = await runBrowserScenario({
                ...TIMING,
                planFor: async (page) => withoutPolicy(await plannedEdge({ allowedOrigins: [page] })),
            });
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

    describe("with no allowedOrigins (any origin, no credentials)", () => {
        describe("and a tracker that sends credentials (its default)", () => {
            let run: BrowserRunResult;
            before(async () => {
                run = await runBrowserScenario({ ...TIMING, planFor: () => plannedEdge({}) });
            });

            it("has the tracker report failures and no success", () => {
                assert.deepEqual([failures(run).length > 0, sentEventIds(run.outcomes).size], [true, 0]);
            });
        });

        describe("and a tracker set to credentials: 'omit', as the README says", () => {
            let run: BrowserRunResult;
            before(async () => {
                run = await runBrowserScenario({ ...TIMING, credentials: "omit", planFor: () => plannedEdge({}) });
            });

            it("delivers each tracked event to /i exactly once", () => {
                assertEachEventOnce(run);
            });

            it("has the tracker report every event as sent and none as failed", () => {
                assert.deepEqual([sentEventIds(run.outcomes).size, failures(run).length], [EVENTS, 0]);
            });

            it("receives nothing more once the events are sent", () => {
                assert.equal(run.eventRequests.length, run.eventRequestsBeforeQuiet);
            });
        });
    });

    describe("with a tracker whose requests need a preflight (server-side anonymisation)", () => {
        let run: BrowserRunResult;
        before(async () => {
            run = await runBrowserScenario({
                ...TIMING,
                serverAnonymisation: true,
                planFor: (page) => plannedEdge({ allowedOrigins: [page] }),
            });
        });

        it("has the browser send preflights, answered with 200", () => {
            const preflights = run.allRequests.filter((r) => r.method === "OPTIONS");
            assert.ok(preflights.length > 0, "no preflight was sent");
            assert.deepEqual([...new Set(preflights.map((r) => r.status))], [200]);
        });

        it("delivers each tracked event to /i exactly once, with its SP-Anonymous header", () => {
            assertEachEventOnce(run);
            assert.ok(run.eventRequests.every((r) => r.headers["sp-anonymous"] !== undefined));
        });

        it("has the tracker report no failed request", () => {
            assert.deepEqual(failures(run), []);
        });
    });

    describe("with a preflight and no CORS rule on the pixel bucket", () => {
        let run: BrowserRunResult;
        before(async () => {
            run = await runBrowserScenario({
                ...TIMING,
                serverAnonymisation: true,
                planFor: async (page) => ({ ...(await plannedEdge({ allowedOrigins: [page] })), bucketCorsRules: [] }),
            });
        });

        it("has S3 refuse the preflight and the tracker deliver nothing", () => {
            assert.ok(run.allRequests.some((r) => r.method === "OPTIONS" && r.status === 403));
            assert.equal(sentEventIds(run.outcomes).size, 0);
        });
    });
});
