/**
 * Loaded by the mutation run only (stryker.config.json), which runs the suite
 * once per mutant.
 */
import * as fc from "fast-check";

// The run reads no stack trace. Pulumi's SDK takes one for every promise it
// makes (to name leaked promises at exit), and ts-node's source-map support
// maps every frame of each back to TypeScript: that is most of what building
// a collector costs under the mock engine (a build runs about seven times
// faster without). The SDK still takes the traces it needs for resources'
// source positions: it lifts the limit itself while it does.
Error.stackTraceLimit = 0;

// The same generated values for every mutant, so that whether a mutant is
// killed does not depend on the draw. `npm test` keeps drawing new ones.
fc.configureGlobal({ seed: 20251204 });
