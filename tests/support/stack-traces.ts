/**
 * Loaded by mocha before the tests (.mocharc.json). Mocha's command line sets
 * Error.stackTraceLimit to Infinity, and the Pulumi SDK makes an Error for
 * every resource and output it creates, which ts-node then maps back to
 * TypeScript frame by frame: with hundreds of collectors built, that was a
 * quarter of the suite's time. Node's own default of 10 frames is plenty to
 * find a failing assertion.
 */
Error.stackTraceLimit = 10;
