import { strict as assert } from "node:assert";
import { build, T, useMockEngine } from "./support/harness";

describe("naming and tags", () => {
    const engine = useMockEngine();

    it("registers the component with the type token cloudfront-collector:index:CloudfrontCollector", async () => {
        const built = await build();
        assert.equal(
            built.resources.filter((r) => r.type === "cloudfront-collector:index:CloudfrontCollector").length,
            1,
        );
    });

    it("names every child after the collector and parents it to the collector", async () => {
        const built = await build();
        const component = built.resources.find((r) => r.type === "cloudfront-collector:index:CloudfrontCollector")!;
        const children = built.resources.filter((r) => r !== component);
        assert.ok(children.length >= 15, `${children.length} children`);
        for (const child of children) {
            assert.ok(child.name.startsWith(`${built.name}-`), child.name);
            assert.equal(child.parent, component.urn, child.name);
        }
    });

    it("lets two collectors live in one stack without a clash of names or URNs", async () => {
        const before = engine().resources.length;
        const a = await build(undefined, "blue");
        const b = await build(undefined, "green");
        const urns = engine()
            .resources.slice(before)
            .map((r) => r.urn);
        assert.equal(new Set(urns).size, urns.length);
        const names = (x: typeof a) => new Set(x.resources.map((r) => r.name));
        assert.deepEqual(
            [...names(a)].filter((n) => names(b).has(n)),
            [],
        );
        assert.notEqual(
            a.child(T.bucket, "pixel-bucket").outputs.bucket,
            b.child(T.bucket, "pixel-bucket").outputs.bucket,
        );
    });

    it("puts the tags on both buckets and the distribution", async () => {
        const tags = { team: "data", "cost-centre": "42" };
        const built = await build({ tags });
        for (const [type, suffix] of [
            [T.bucket, "pixel-bucket"],
            [T.bucket, "log-bucket"],
            [T.distribution, "distribution"],
        ]) {
            assert.deepEqual(built.child(type, suffix).inputs.tags, tags, suffix);
        }
    });

    it("tags nothing by default", async () => {
        const built = await build();
        assert.deepEqual(built.child(T.distribution, "distribution").inputs.tags ?? {}, {});
        assert.deepEqual(built.child(T.bucket, "log-bucket").inputs.tags ?? {}, {});
    });

    // Last, in an engine of its own: a refused registration leaves the SDK's
    // queue of pending work unfinished.
    describe("a name taken twice", () => {
        useMockEngine();

        it("is refused by the engine, as the real engine refuses a duplicate URN", async () => {
            await build(undefined, "twin");
            await assert.rejects(build(undefined, "twin"), /Duplicate resource URN/);
        });
    });
});
