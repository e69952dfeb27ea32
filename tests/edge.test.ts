import { strict as assert } from "node:assert";
import { startEdgeFor, type Edge } from "./support/edge";
import { collectorPlan, corsPolicy, pixelAt } from "./support/fixtures";

const PAGE = "http://127.0.0.1:1";

describe("the loopback edge", () => {
    let edge: Edge;
    afterEach(async () => edge?.close());

    it("serves the pixel's decoded bytes at its key whatever the query string", async () => {
        edge = await startEdgeFor(collectorPlan());
        const response = await fetch(`${edge.url}/i?e=pv&eid=1`);
        const body = Buffer.from(await response.arrayBuffer());
        assert.deepEqual([response.status, body.toString("base64")], [200, pixelAt("i").contentBase64]);
    });

    it("serves the pixel with its content type", async () => {
        edge = await startEdgeFor(collectorPlan());
        const response = await fetch(`${edge.url}/i`);
        assert.equal(response.headers.get("content-type"), "image/gif");
    });

    it("serves the pixel with its cache control when one is set", async () => {
        edge = await startEdgeFor({ pixels: [{ ...pixelAt("i"), cacheControl: "no-cache" }], allowedMethods: ["GET"] });
        const response = await fetch(`${edge.url}/i`);
        assert.equal(response.headers.get("cache-control"), "no-cache");
    });

    it("answers HEAD with the pixel's headers and no body", async () => {
        edge = await startEdgeFor(collectorPlan());
        const response = await fetch(`${edge.url}/i`, { method: "HEAD" });
        const bodyLength = (await response.arrayBuffer()).byteLength;
        assert.deepEqual([response.status, response.headers.get("content-length"), bodyLength], [200, "43", 0]);
    });

    it("answers 403 for a path with no object behind it", async () => {
        edge = await startEdgeFor(collectorPlan());
        assert.equal((await fetch(`${edge.url}/ice.png?e=pv`)).status, 403);
    });

    it("answers 403 for a method the cache behaviour does not allow", async () => {
        edge = await startEdgeFor(collectorPlan());
        assert.equal((await fetch(`${edge.url}/i`, { method: "POST", body: "e=pv" })).status, 403);
    });

    it("adds the policy's CORS headers to the pixel response", async () => {
        edge = await startEdgeFor(collectorPlan(corsPolicy([PAGE], true)));
        const response = await fetch(`${edge.url}/i`, { headers: { origin: PAGE } });
        assert.deepEqual(
            ["access-control-allow-origin", "access-control-allow-credentials"].map((name) =>
                response.headers.get(name),
            ),
            [PAGE, "true"],
        );
    });

    it("sends no CORS headers without a policy", async () => {
        edge = await startEdgeFor(collectorPlan());
        const response = await fetch(`${edge.url}/i`, { headers: { origin: PAGE } });
        assert.equal(response.headers.get("access-control-allow-origin"), null);
    });

    it("adds the policy's preflight headers to the origin's answer when OPTIONS is allowed", async () => {
        const plan = collectorPlan(corsPolicy([PAGE], false));
        edge = await startEdgeFor({ ...plan, allowedMethods: ["GET", "HEAD", "OPTIONS"] });
        const response = await fetch(`${edge.url}/i`, {
            method: "OPTIONS",
            headers: { origin: PAGE, "access-control-request-method": "GET" },
        });
        assert.equal(response.headers.get("access-control-allow-methods"), "GET, HEAD, OPTIONS");
    });

    it("refuses a preflight when OPTIONS is not an allowed method", async () => {
        edge = await startEdgeFor(collectorPlan(corsPolicy([PAGE], false)));
        const response = await fetch(`${edge.url}/i`, {
            method: "OPTIONS",
            headers: { origin: PAGE, "access-control-request-method": "GET" },
        });
        assert.deepEqual([response.status, response.headers.get("access-control-allow-methods")], [403, null]);
    });

    it("records each request's method, path, query string and headers", async () => {
        edge = await startEdgeFor(collectorPlan());
        await fetch(`${edge.url}/i?e=se&se_ca=shop`, { headers: { "x-probe": "1" } });
        const [seen] = edge.requests;
        assert.deepEqual(
            [seen.method, seen.path, seen.query, seen.headers["x-probe"]],
            ["GET", "/i", "e=se&se_ca=shop", "1"],
        );
    });

    it("records the time each request arrived", async () => {
        edge = await startEdgeFor(collectorPlan());
        const before = Date.now();
        await fetch(`${edge.url}/i`);
        assert.ok(edge.requests[0].time >= before && edge.requests[0].time <= Date.now());
    });
});
