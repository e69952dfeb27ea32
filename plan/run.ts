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
export async function planStack(project: Project, stack: string, config: StackConfig): Promise<StackPlan> {
    const region = config.values["aws:region"] ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (region === undefined) {
        throw new Error(
            `stack "${stack}" sets no aws:region (pulumi config set aws:region <region>), and AWS_REGION is not set`,
        );
    }
    pulumi.runtime.setAllConfig(config.values);
    const engine = await startMockEngine({ project: project.name, stack, region });

    // An error inside an apply surfaces nowhere else: the SDK leaves it to the process.
    const failures: unknown[] = [];
    const onFailure = (err: unknown) => failures.push(err);
    process.on("unhandledRejection", onFailure);
    try {
        const run = pulumi.runtime.runInPulumiStack(async () => {
            // A program runs once per plan: forget any earlier run of it.
            delete require.cache[require.resolve(project.main)];
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            return { ...require(project.main) };
        }) as Promise<Record<string, unknown> | undefined>;
        const exported = await Promise.race([run, engine.failed]);
        await Promise.race([settle(), engine.failed]);
        if (failures.length > 0) throw failures[0];

        const outputs: Record<string, PlannedOutput> = {};
        for (const [key, value] of Object.entries(exported ?? {})) {
            outputs[key] = { value, known: !containsUnknown(engine, value) };
        }
        return { project: project.name, stack, region, resources: engine.resources, outputs, engine };
    } finally {
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
