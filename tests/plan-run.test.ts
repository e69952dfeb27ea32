import { strict as assert } from "node:assert";
import { CloudfrontCollector } from "../components";
import { planProgram } from "../plan/run";

const config = { values: { "aws:region": "eu-west-1" } };

describe("planProgram", function () {
    this.timeout(30_000);

    it("plans a program given as a function", async () => {
        const plan = await planProgram("cloudfront-collector", "run", config, () => ({
            collectorUrl: new CloudfrontCollector("fn").collectorUrl,
        }));
        assert.ok(
            plan.resources.some((r) => r.type === "cloudfront-collector:index:CloudfrontCollector" && r.name === "fn"),
        );
        assert.deepEqual(Object.keys(plan.outputs), ["collectorUrl"]);
    });

    describe("the process's stack trace settings, which a plan turns down while it runs", () => {
        // Node's types say prepareStackTrace is always set; it need not be.
        const errors = Error as { stackTraceLimit: number; prepareStackTrace?: unknown };
        const formatter = (err: Error) => `${err.name}: ${err.message}`;
        let saved: { limit: number; prepare: unknown };

        // Settings no default has, so that a plan cannot restore them by chance.
        beforeEach(() => {
            saved = { limit: errors.stackTraceLimit, prepare: errors.prepareStackTrace };
            errors.stackTraceLimit = 17;
            errors.prepareStackTrace = formatter;
        });
        afterEach(() => {
            errors.stackTraceLimit = saved.limit;
            errors.prepareStackTrace = saved.prepare;
        });

        it("are as the plan found them once it is done", async () => {
            await planProgram("cloudfront-collector", "run", config, () => ({
                url: new CloudfrontCollector("restored").collectorUrl,
            }));
            assert.equal(errors.stackTraceLimit, 17);
            assert.equal(errors.prepareStackTrace, formatter);
        });

        it("are as the plan found them when the program throws", async () => {
            await assert.rejects(
                planProgram("cloudfront-collector", "run", config, () => {
                    throw new Error("the program failed");
                }),
                /the program failed/,
            );
            assert.equal(errors.stackTraceLimit, 17);
            assert.equal(errors.prepareStackTrace, formatter);
        });
    });
});
