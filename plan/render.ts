import { PlannedResource } from "./engine";
import { containsUnknown, StackPlan } from "./run";

const AFTER_DEPLOY = "(known after deploy)";

/** The plan as JSON: every resource with its inputs and options, and the outputs with their known/unknown state. */
export function planAsJson(plan: StackPlan): object {
    return {
        project: plan.project,
        stack: plan.stack,
        region: plan.region,
        resources: plan.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent ?? null,
            inputs: r.inputs,
            knownAfterDeploy: settingsOf(r)
                .filter(([, value]) => containsUnknown(plan.engine, value))
                .map(([path]) => path),
            options: r.options,
        })),
        outputs: plan.outputs,
    };
}

/** The plan as text: a tree of resources with their settings, then the stack outputs. */
export function planAsText(plan: StackPlan): string {
    const lines = [
        `Plan of stack "${plan.stack}" (project ${plan.project}, region ${plan.region}), made offline: nothing was sent to AWS.`,
        "",
        `${plan.resources.length} resources to create:`,
    ];
    const byParent = new Map<string | undefined, PlannedResource[]>();
    for (const r of plan.resources) byParent.set(r.parent, [...(byParent.get(r.parent) ?? []), r]);
    const known = new Set(plan.resources.map((r) => r.urn));
    // Resources whose parent was not registered here are shown at the top.
    const roots = plan.resources.filter((r) => r.parent === undefined || !known.has(r.parent));

    const visit = (r: PlannedResource, depth: number) => {
        const indent = "    ".repeat(depth);
        const flags = [r.options.retainOnDelete ? "kept on destroy" : "", r.options.protect ? "protected" : ""].filter(
            Boolean,
        );
        lines.push(`${indent}+ ${r.type}  ${r.name}${flags.length > 0 ? `  [${flags.join(", ")}]` : ""}`);
        for (const [path, value] of settingsOf(r)) {
            const mark = containsUnknown(plan.engine, value) ? `  ${AFTER_DEPLOY}` : "";
            lines.push(`${indent}      ${path}: ${showValue(value)}${mark}`);
        }
        const waits = r.options.dependsOn.map((urn) => urn.split("::").pop());
        if (waits.length > 0) lines.push(`${indent}      (after ${waits.join(", ")})`);
        for (const child of byParent.get(r.urn) ?? []) visit(child, depth + 1);
    };
    for (const root of roots) visit(root, 0);

    lines.push("", "Outputs:");
    for (const [key, output] of Object.entries(plan.outputs)) {
        lines.push(`    ${key}: ${showValue(output.value)}${output.known ? "" : `  ${AFTER_DEPLOY}`}`);
    }
    return lines.join("\n");
}

/**
 * A resource's inputs as dotted paths and leaf values, with the pixel's content
 * summarised and JSON policies parsed, so that each setting is one line.
 */
export function settingsOf(r: PlannedResource): [string, unknown][] {
    const out: [string, unknown][] = [];
    const walk = (value: unknown, path: string) => {
        if (path === "contentBase64" && typeof value === "string") {
            out.push(["content", `${Buffer.from(value, "base64").length} bytes, base64 ${value}`]);
        } else if (path === "policy" && typeof value === "string") {
            walk(JSON.parse(value), path);
        } else if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
            out.push([path, value]);
        } else if (typeof value === "object" && value !== null) {
            for (const [key, child] of Object.entries(value))
                walk(child, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
        } else {
            out.push([path, value]);
        }
    };
    walk(r.inputs, "");
    return out;
}

function showValue(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}
