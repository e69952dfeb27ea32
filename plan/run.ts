import * as pulumi from "@pulumi/pulumi";
import { MockEngine, PlannedResource, settle, startMockEngine } from "./engine";
import { Project, StackConfig } from "./stack-config";

/** A stack output, and whether its value is known before a deploy. */
export interface PlannedOutput {
    value: unknown;
    known: boolean;
}

/** What `pulumi up` would do for one stack. */
export interface StackPlan {
    project: string;
    stack: string;
    region: string;
    resources: PlannedResource[];
    outputs: Record<string, PlannedOutput>;
    engine: MockEngine;
}

/**
 * Runs the project's program for `stack` in this process under the mock
 * engine, and returns what it registered and exported. Rejects with the
 * program's own error if it throws, or if an `apply` in it fails.
 */
export function planStack(project: Project, stack: string, config: StackConfig): Promise<StackPlan> {
    return planProgram(project.name, stack, config, () => {
        // A program runs once per plan: forget any earlier run of it.
        delete require.cache[require.resolve(project.main)];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return { ...(require(project.main) as Record<string, unknown>) };
    });
}

/**
 * {@link planStack} for a program given as a function of this process (the
 * benchmark builds one in memory); `program` returns the stack's outputs.
 */
export async function planProgram(
    projectName: string,
    stack: string,
    config: StackConfig,
    program: () => Record<string, unknown> | Promise<Record<string, unknown>>,
): Promise<StackPlan> {
    const region = config.values["aws:region"] ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (region === undefined) {
        throw new Error(
            `stack "${stack}" sets no aws:region (pulumi config set aws:region <region>), and AWS_REGION is not set`,
        );
    }
    pulumi.runtime.setAllConfig(config.values);
    const engine = await startMockEngine({ project: projectName, stack, region });

    // An error inside an apply surfaces nowhere else: the SDK leaves it to the process.
    const failures: unknown[] = [];
    const onFailure = (err: unknown) => failures.push(err);
    process.on("unhandledRejection", onFailure);
    // The SDK formats a stack trace for every promise it makes (to name leaked
    // promises when the process exits) and a full one for every resource (its
    // source position), and ts-node's source maps make each formatting costly:
    // four fifths of a plan's time went there (npm run bench). A plan needs
    // none of them, so while the program runs, errors carry their message and
    // no frames, and any stack that is formatted is V8's own, unmapped.
    // (Node's types say prepareStackTrace is always set; V8 formats itself when it is not.)
    const errors: { stackTraceLimit: number; prepareStackTrace?: unknown } = Error;
    const { stackTraceLimit, prepareStackTrace } = errors;
    errors.stackTraceLimit = 0;
    errors.prepareStackTrace = undefined;
    try {
        // async, so that an error thrown while the program runs rejects `run`.
        const run = pulumi.runtime.runInPulumiStack(async () => await program()) as Promise<
            Record<string, unknown> | undefined
        >;
        const exported = await Promise.race([run, engine.failed]);
        await Promise.race([settle(), engine.failed]);
        if (failures.length > 0) throw failures[0];

        const outputs: Record<string, PlannedOutput> = {};
        for (const [key, value] of Object.entries(exported ?? {})) {
            outputs[key] = { value, known: !containsUnknown(engine, value) };
        }
        return { project: projectName, stack, region, resources: engine.resources, outputs, engine };
    } finally {
        errors.stackTraceLimit = stackTraceLimit;
        errors.prepareStackTrace = prepareStackTrace;
        process.off("unhandledRejection", onFailure);
    }
}

/** Whether `value` holds anything that only a deploy would know. */
export function containsUnknown(engine: MockEngine, value: unknown): boolean {
    if (typeof value === "string") return engine.fabricator.isUnknown(value);
    if (Array.isArray(value)) return value.some((v) => containsUnknown(engine, v));
    if (typeof value === "object" && value !== null)
        return Object.values(value).some((v) => containsUnknown(engine, v));
    return false;
}
