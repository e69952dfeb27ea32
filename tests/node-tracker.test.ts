// The Node tracker against the same edge: every event arrives once, with the
// tracker-protocol fields the log loader reads intact in the query string.
import { strict as assert } from "node:assert";
import { buildPageView, buildStructEvent, newTracker, type Tracker } from "@snowplow/node-tracker";
import { startEdgeFor, type Edge, type RecordedRequest } from "./support/edge";
import { plannedEdge } from "./support/planned-edge";
import { sleep, waitUntil } from "./support/wait";

describe("the Node tracker against the edge", function () {
    // Room for the 5 s wait below, so that a missing event fails an assertion
    // that names it rather than the hook's timeout.
    this.timeout(10_000);
    let edge: Edge;
    let sent: number;
    let failed: number;

    before(async () => {
        edge = await startEdgeFor(await plannedEdge({}));
        sent = 0;
        failed = 0;
        // bufferSize 1, and no flush: the Node tracker buffers 10 events by
        // default, even with GET, so this proves each event goes out on its own.
        const tracker: Tracker = newTracker(
            { namespace: "harness", appId: "harness-node" },
            {
                endpoint: edge.url,
                eventMethod: "get",
                bufferSize: 1,
                onRequestSuccess: (batch) => (sent += batch.length),
                onRequestFailure: () => (failed += 1),
            },
        );
        tracker.track(buildPageView({ pageUrl: "https://www.example.com/shop?x=1 2", pageTitle: "Shop & more" }));
        tracker.track(buildStructEvent({ category: "checkout", action: "pay", label: "card", value: 12.5 }));
        await waitUntil(() => sent + failed >= 2, 5_000);
        // A moment more, so that a resend would be counted too.
        await sleep(500);
    });

    after(async () => edge.close());

    function queries(): URLSearchParams[] {
        return edge.requests.map((request: RecordedRequest) => new URLSearchParams(request.query));
    }

    function eventOf(kind: string): URLSearchParams {
        const matching = queries().filter((query) => query.get("e") === kind);
        assert.equal(matching.length, 1, `requests with e=${kind}`);
        return matching[0];
    }

    it("sends each event as one GET of /i", () => {
        assert.deepEqual(
            edge.requests.map((r) => `${r.method} ${r.path}`),
            ["GET /i", "GET /i"],
        );
    });

    it("gives every event its own event id", () => {
        const ids = queries().map((query) => query.get("eid") ?? "");
        assert.deepEqual([ids.length, new Set(ids).size, ids.every((id) => /^[0-9a-f-]{36}$/.test(id))], [2, 2, true]);
    });

    it("has the tracker report both events sent and none failed", () => {
        assert.deepEqual([sent, failed], [2, 0]);
    });

    it("sends the tracker version, app id and server platform with every event", () => {
        const fields = queries().map((query) => [
            query.get("tv")?.startsWith("node-"),
            query.get("aid"),
            query.get("p"),
        ]);
        assert.deepEqual(fields, [
            [true, "harness-node", "srv"],
            [true, "harness-node", "srv"],
        ]);
    });

    it("keeps a page view's URL and title intact through the query string", () => {
        const pageView = eventOf("pv");
        assert.deepEqual(
            [pageView.get("url"), pageView.get("page")],
            ["https://www.example.com/shop?x=1 2", "Shop & more"],
        );
    });

    it("keeps a structured event's category, action, label and value intact", () => {
        const structured = eventOf("se");
        assert.deepEqual(
            ["se_ca", "se_ac", "se_la", "se_va"].map((field) => structured.get(field)),
            ["checkout", "pay", "card", "12.5"],
        );
    });
});
