import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

/** A config key as `Pulumi.yaml` declares it (https://www.pulumi.com/docs/iac/concepts/projects/project-file/). */
export interface ConfigDeclaration {
    type: "string" | "boolean" | "integer" | "array";
    items?: { type: string };
    default?: unknown;
    description?: string;
    secret?: boolean;
}

/** A Pulumi project as the plan needs it. */
export interface Project {
    name: string;
    /** The program's path, from `main` (default `index.ts`). */
    main: string;
    config: Record<string, ConfigDeclaration>;
}

/** A stack's configuration, as the Pulumi CLI would hand it to the program. */
export interface StackConfig {
    /** Fully-qualified keys (`project:key`, `aws:region`) to values encoded as the CLI does: strings, JSON for the rest. */
    values: Record<string, string>;
}

/** Raised for a project or stack file that the CLI would refuse; the message says which and why. */
export class StackConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackConfigError";
    }
}

export function readProject(dir: string): Project {
    const file = join(dir, "Pulumi.yaml");
    const doc = parseYaml(file) as {
        name?: unknown;
        main?: unknown;
        config?: Record<string, ConfigDeclaration>;
    } | null;
    if (typeof doc?.name !== "string") throw new StackConfigError(`${file} has no project name`);
    return {
        name: doc.name,
        main: resolve(dir, typeof doc.main === "string" ? doc.main : "index.ts"),
        config: doc.config ?? {},
    };
}

/**
 * Reads `Pulumi.<stack>.yaml` next to the project and merges it over the
 * defaults that `Pulumi.yaml` declares, checking each declared key's type as
 * the CLI does.
 */
export function readStackConfig(dir: string, project: Project, stack: string): StackConfig {
    const file = join(dir, `Pulumi.${stack}.yaml`);
    if (!existsSync(file)) throw new StackConfigError(`there is no stack file ${file} for stack "${stack}"`);
    const doc = parseYaml(file) as { config?: Record<string, unknown> } | null;
    const given = doc?.config ?? {};

    const values: Record<string, string> = {};
    for (const [key, declaration] of Object.entries(project.config)) {
        if (declaration.default !== undefined) values[qualify(project.name, key)] = encode(declaration.default);
    }
    for (const [key, value] of Object.entries(given)) {
        const qualified = qualify(project.name, key);
        if (isSecure(value)) {
            throw new StackConfigError(
                `${file}: ${qualified} is a secret, which the offline plan cannot decrypt; give a plain value to plan`,
            );
        }
        const declaration = project.config[qualified.slice(project.name.length + 1)];
        if (qualified.startsWith(`${project.name}:`) && declaration !== undefined) {
            checkType(file, qualified, value, declaration);
        }
        values[qualified] = encode(value);
    }
    return { values };
}

function parseYaml(file: string): unknown {
    if (!existsSync(file)) throw new StackConfigError(`there is no ${file}`);
    try {
        return parse(readFileSync(file, "utf8"));
    } catch (err) {
        throw new StackConfigError(`${file} is not valid YAML: ${(err as Error).message}`);
    }
}

function qualify(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function isSecure(value: unknown): boolean {
    return typeof value === "object" && value !== null && "secure" in value;
}

// The CLI hands plain values over as strings and everything else as JSON.
function encode(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function checkType(file: string, key: string, value: unknown, declaration: ConfigDeclaration): void {
    const ok = (v: unknown, type: string): boolean => {
        switch (type) {
            case "string":
                return typeof v === "string";
            case "boolean":
                return typeof v === "boolean";
            case "integer":
                return Number.isInteger(v);
            case "array":
                return Array.isArray(v) && v.every((item) => ok(item, declaration.items?.type ?? "string"));
            default:
                return true;
        }
    };
    if (!ok(value, declaration.type)) {
        const expected =
            declaration.type === "array"
                ? `an array of ${declaration.items?.type ?? "string"}`
                : `a ${declaration.type}`;
        throw new StackConfigError(`${file}: ${key} must be ${expected}, got ${JSON.stringify(value)}`);
    }
}
