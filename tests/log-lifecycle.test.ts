import { strict as assert } from "node:assert";
import { CloudfrontCollector, CloudfrontCollectorArgs, CollectorArgumentsError } from "../components";
import { build, dependenciesOf, T, uniqueName, useMockEngine } from "./support/harness";

type Rule = Record<string, any>;
const rulesOf = async (args: CloudfrontCollectorArgs): Promise<Rule[]> =>
    (await build(args)).child(T.lifecycle, "log-lifecycle").inputs.rules as Rule[];
const rule = (rules: Rule[], id: string) => rules.find((r) => r.id === id);

function problemsOf(args: unknown): string[] {
    try {
        // A name of its own: accepted arguments register a collector.
        new CloudfrontCollector(uniqueName("lifecycle"), args as CloudfrontCollectorArgs);
    } catch (err) {
        assert.ok(err instanceof CollectorArgumentsError, String(err));
        return err.problems.map((p) => `${p.argument}: ${p.accepted}`);
    }
    return [];
}

describe("the log lifecycle", () => {
    useMockEngine();

    it("aborts incomplete multipart uploads after 7 days by default, across the bucket", async () => {
        assert.deepEqual(rule(await rulesOf({}), "abort-incomplete-uploads"), {
            id: "abort-incomplete-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        });
    });

    it("aborts incomplete uploads after the days given", async () => {
        const r = rule(await rulesOf({ logAbortIncompleteUploadDays: 2 }), "abort-incomplete-uploads");
        assert.equal(r?.abortIncompleteMultipartUpload.daysAfterInitiation, 2);
    });

    it("moves log files to the storage classes given, after their days", async () => {
        const r = rule(
            await rulesOf({
                logTransitions: [
                    { days: 30, storageClass: "STANDARD_IA" },
                    { days: 90, storageClass: "GLACIER_IR" },
                    { days: 365, storageClass: "DEEP_ARCHIVE" },
                ],
            }),
            "age-log-files",
        );
        assert.deepEqual(r?.transitions, [
            { days: 30, storageClass: "STANDARD_IA" },
            { days: 90, storageClass: "GLACIER_IR" },
            { days: 365, storageClass: "DEEP_ARCHIVE" },
        ]);
        assert.equal(r?.expiration, undefined, "moving is not expiring");
    });

    it("applies transitions and expiry to the log prefix only", async () => {
        const r = rule(await rulesOf({ logPrefix: "cloudfront/", logExpirationDays: 400 }), "age-log-files");
        assert.deepEqual(r?.filter, { prefix: "cloudfront/" });
    });

    it("applies transitions and expiry to the whole bucket without a log prefix", async () => {
        const r = rule(await rulesOf({ logExpirationDays: 400 }), "age-log-files");
        assert.deepEqual(r?.filter, {});
    });

    it("moves and expires with one enabled rule", async () => {
        const r = rule(
            await rulesOf({
                logTransitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }],
                logExpirationDays: 400,
            }),
            "age-log-files",
        );
        assert.deepEqual(r, {
            id: "age-log-files",
            status: "Enabled",
            filter: {},
            transitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }],
            expiration: { days: 400 },
        });
    });

    it("deletes log files after logExpirationDays, only when asked", async () => {
        assert.deepEqual(rule(await rulesOf({ logExpirationDays: 400 }), "age-log-files")?.expiration, { days: 400 });
        assert.equal(rule(await rulesOf({}), "age-log-files"), undefined);
    });

    it("turns versioning on when asked, and expires earlier versions after 90 days by default", async () => {
        const built = await build({ logVersioning: true });
        assert.deepEqual(built.child(T.versioning, "log-versioning").inputs.versioningConfiguration, {
            status: "Enabled",
        });
        assert.equal(built.child(T.versioning, "log-versioning").options.retainOnDelete, true);
        const r = rule(built.child(T.lifecycle, "log-lifecycle").inputs.rules as Rule[], "expire-noncurrent-versions");
        assert.deepEqual(r, {
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: 90 },
            expiration: { expiredObjectDeleteMarker: true },
        });
    });

    it("is applied after the bucket's encryption when versioning is off, as S3 takes one change at a time", async () => {
        const built = await build();
        assert.ok(dependenciesOf(built.child(T.lifecycle, "log-lifecycle")).includes(`${built.name}-log-encryption`));
    });

    it("expires earlier versions after the days given", async () => {
        const r = rule(
            await rulesOf({ logVersioning: true, logNoncurrentVersionExpirationDays: 14 }),
            "expire-noncurrent-versions",
        );
        assert.deepEqual(r?.noncurrentVersionExpiration, { noncurrentDays: 14 });
    });

    it("leaves versioning off by default", async () => {
        const built = await build();
        assert.equal(built.children(T.versioning).length, 0);
        assert.equal(
            rule(built.child(T.lifecycle, "log-lifecycle").inputs.rules as Rule[], "expire-noncurrent-versions"),
            undefined,
        );
    });

    describe("checks", () => {
        const refused: [string, unknown, string][] = [
            [
                "an expiry before the last transition",
                { logTransitions: [{ days: 60, storageClass: "GLACIER" }], logExpirationDays: 60 },
                "logExpirationDays: more days than the last transition (GLACIER after 60 days): a log file must not expire before it moves",
            ],
            ["zero days", { logExpirationDays: 0 }, "logExpirationDays: a whole number of days from 1 to 2147483647"],
            [
                "fractional days",
                { logAbortIncompleteUploadDays: 1.5 },
                "logAbortIncompleteUploadDays: a whole number of days from 1 to 2147483647",
            ],
            [
                "negative days",
                { logTransitions: [{ days: -30, storageClass: "GLACIER" }] },
                "logTransitions[0].days: a whole number of days from 0 to 2147483647",
            ],
            [
                "days given as a string",
                { logNoncurrentVersionExpirationDays: "30", logVersioning: true },
                "logNoncurrentVersionExpirationDays: a whole number of days from 1 to 2147483647",
            ],
            [
                "an unknown storage class",
                { logTransitions: [{ days: 30, storageClass: "COLD" }] },
                'logTransitions[0].storageClass: one of "STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"',
            ],
            [
                "STANDARD_IA before 30 days",
                { logTransitions: [{ days: 7, storageClass: "STANDARD_IA" }] },
                "logTransitions[0].days: at least 30 for STANDARD_IA, as S3 requires",
            ],
            [
                "a move to a warmer class",
                {
                    logTransitions: [
                        { days: 30, storageClass: "GLACIER" },
                        { days: 90, storageClass: "STANDARD_IA" },
                    ],
                },
                "logTransitions[1].storageClass: a storage class colder than GLACIER, the one before it (S3 moves objects only down STANDARD_IA > INTELLIGENT_TIERING > ONEZONE_IA > GLACIER_IR > GLACIER > DEEP_ARCHIVE)",
            ],
            [
                "transitions out of order of days",
                {
                    logTransitions: [
                        { days: 90, storageClass: "GLACIER_IR" },
                        { days: 60, storageClass: "GLACIER" },
                    ],
                },
                "logTransitions[1].days: more days than the transition before it (90)",
            ],
            [
                "leaving STANDARD_IA before 30 days in it",
                {
                    logTransitions: [
                        { days: 30, storageClass: "STANDARD_IA" },
                        { days: 45, storageClass: "GLACIER" },
                    ],
                },
                "logTransitions[1].days: at least 60: S3 keeps objects 30 days in STANDARD_IA before moving them on",
            ],
            [
                "transitions that are not a list",
                { logTransitions: { days: 30 } },
                'logTransitions: a list of { days, storageClass }, such as [{ days: 30, storageClass: "STANDARD_IA" }]',
            ],
            [
                "a transition that is not an object",
                { logTransitions: [30] },
                "logTransitions[0]: an object { days, storageClass }",
            ],
            [
                "noncurrent expiry without versioning",
                { logNoncurrentVersionExpirationDays: 30 },
                "logNoncurrentVersionExpirationDays: no value unless logVersioning is true: without versioning there are no earlier versions",
            ],
            ["versioning that is not a boolean", { logVersioning: "on" }, "logVersioning: true or false"],
            ["versioning: null", { logVersioning: null }, "logVersioning: true or false"],
            [
                "a move from ONEZONE_IA to GLACIER_IR, which S3 does not make",
                {
                    logTransitions: [
                        { days: 30, storageClass: "ONEZONE_IA" },
                        { days: 90, storageClass: "GLACIER_IR" },
                    ],
                },
                "logTransitions[1].storageClass: a storage class S3 moves ONEZONE_IA objects to: one colder than GLACIER_IR",
            ],
            [
                "leaving GLACIER before 90 days in it",
                {
                    logTransitions: [
                        { days: 30, storageClass: "GLACIER" },
                        { days: 60, storageClass: "DEEP_ARCHIVE" },
                    ],
                },
                "logTransitions[1].days: at least 120: S3 keeps objects 90 days in GLACIER before moving them on",
            ],
            [
                "leaving GLACIER_IR before 90 days in it",
                {
                    logTransitions: [
                        { days: 0, storageClass: "GLACIER_IR" },
                        { days: 89, storageClass: "GLACIER" },
                    ],
                },
                "logTransitions[1].days: at least 90: S3 keeps objects 90 days in GLACIER_IR before moving them on",
            ],
            [
                "a transition without days",
                { logTransitions: [{ storageClass: "GLACIER" }] },
                "logTransitions[0].days: a whole number of days from 0 to 2147483647",
            ],
            [
                "two transitions on the same day",
                {
                    logTransitions: [
                        { days: 30, storageClass: "INTELLIGENT_TIERING" },
                        { days: 30, storageClass: "GLACIER" },
                    ],
                },
                "logTransitions[1].days: more days than the transition before it (30)",
            ],
            [
                "ONEZONE_IA before 30 days",
                { logTransitions: [{ days: 7, storageClass: "ONEZONE_IA" }] },
                "logTransitions[0].days: at least 30 for ONEZONE_IA, as S3 requires",
            ],
            [
                "wrong days alone, without judging the transition's place",
                {
                    logTransitions: [
                        { days: 30, storageClass: "GLACIER" },
                        { days: "90", storageClass: "STANDARD_IA" },
                    ],
                },
                "logTransitions[1].days: a whole number of days from 0 to 2147483647",
            ],
            [
                "a hole in the list of transitions",
                { logTransitions: [, { days: 30, storageClass: "GLACIER" }] },
                "logTransitions[0]: an object { days, storageClass }",
            ],
        ];
        for (const [what, args, problem] of refused) {
            it(`refuses ${what}`, () => {
                assert.deepEqual(problemsOf(args), [problem]);
            });
        }

        it("accepts a transition to every colder class in turn, through GLACIER_IR", () => {
            assert.deepEqual(
                problemsOf({
                    logTransitions: [
                        { days: 30, storageClass: "STANDARD_IA" },
                        { days: 60, storageClass: "INTELLIGENT_TIERING" },
                        { days: 90, storageClass: "GLACIER_IR" },
                        { days: 180, storageClass: "GLACIER" },
                        { days: 270, storageClass: "DEEP_ARCHIVE" },
                    ],
                    logExpirationDays: 3650,
                }),
                [],
            );
        });

        it("accepts a transition to every colder class in turn, through ONEZONE_IA", () => {
            assert.deepEqual(
                problemsOf({
                    logTransitions: [
                        { days: 30, storageClass: "STANDARD_IA" },
                        { days: 60, storageClass: "INTELLIGENT_TIERING" },
                        { days: 90, storageClass: "ONEZONE_IA" },
                        { days: 120, storageClass: "GLACIER" },
                        { days: 210, storageClass: "DEEP_ARCHIVE" },
                    ],
                }),
                [],
            );
        });

        it("accepts a move to INTELLIGENT_TIERING on the day a log file is written, as S3 does", () => {
            assert.deepEqual(problemsOf({ logTransitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }] }), []);
        });

        it("accepts a move from GLACIER to DEEP_ARCHIVE 90 days later", () => {
            assert.deepEqual(
                problemsOf({
                    logTransitions: [
                        { days: 30, storageClass: "GLACIER" },
                        { days: 120, storageClass: "DEEP_ARCHIVE" },
                    ],
                }),
                [],
            );
        });

        it("accepts a transition to Glacier after one day", () => {
            assert.deepEqual(problemsOf({ logTransitions: [{ days: 1, storageClass: "GLACIER" }] }), []);
        });
    });
});
