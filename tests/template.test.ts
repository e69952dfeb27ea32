/**
 * The repository is a `pulumi new` template: the `template:` section of the
 * root Pulumi.yaml. Without the CLI, these tests check what the CLI would read
 * there, and run what it would make of it (a project file and a stack file)
 * through the offline plan.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse, stringify } from "yaml";
import { logRegionProblem } from "../components/regions";
import { PlannedResource } from "../plan/engine";
import { planStack, StackPlan } from "../plan/run";
import { readProject, readStackConfig } from "../plan/stack-config";

const root = join(__dirname, "..");

/** A prompt of the template, as the CLI's project file schema has it. */
interface TemplateConfigValue {
    description?: unknown;
    default?: unknown;
    secret?: unknown;
}

interface ProjectFile {
    name: string;
    description?: string;
    main?: string;
    config?: Record<string, unknown>;
    template?: { description?: unknown; quickstart?: unknown; config?: Record<string, TemplateConfigValue> };
}

const projectFile = (): ProjectFile => parse(readFileSync(join(root, "Pulumi.yaml"), "utf8")) as ProjectFile;
const project = readProject(root);
const template = projectFile().template ?? {};
const prompts = Object.entries(template.config ?? {});
/** Prompted keys of the project's own namespace, with their unqualified names. */
const projectPrompts = prompts.filter(([key]) => !key.includes(":"));

/** The URL a user would give `pulumi new`; the CLI records it as a stack tag. */
const TEMPLATE_URL = "https://github.com/acme/cloudfront-collector";

/** Directories made by {@link planNewStack}, removed after the tests. */
const made: string[] = [];

/**
 * Does in a temporary directory what `pulumi new` does after copying the
 * files, then plans the new stack:
 *
 * - rewrites Pulumi.yaml with the chosen project name, without the template
 *   section, and with the `pulumi:tags` value it adds;
 * - creates the stack and saves each answer (a prompt's default unless
 *   `answers` gives another) in Pulumi.<stack>.yaml as a string, leaving out
 *   empty answers, as the CLI does.
 *
 * The copied program is this repository's, so `main` points at it instead of
 * copying the files.
 */
async function planNewStack(
    answers: Record<string, string>,
    projectName = project.name,
    stack = "collector",
): Promise<StackPlan> {
    const dir = mkdtempSync(join(tmpdir(), "collector-template-"));
    made.push(dir);
    const copied = projectFile();
    const newProject: ProjectFile = {
        ...copied,
        name: projectName,
        main: join(root, "index.ts"),
        config: { ...copied.config, "pulumi:tags": { value: { "pulumi:template": TEMPLATE_URL } } },
    };
    delete newProject.template;
    writeFileSync(join(dir, "Pulumi.yaml"), stringify(newProject));

    const config: Record<string, string> = {};
    for (const [key, prompt] of prompts) {
        const answer = answers[key] ?? (typeof prompt.default === "string" ? prompt.default : "");
        if (answer !== "") config[key.includes(":") ? key : `${projectName}:${key}`] = answer;
    }
    writeFileSync(join(dir, `Pulumi.${stack}.yaml`), stringify({ config }));

    const planned = readProject(dir);
    return planStack(planned, stack, readStackConfig(dir, planned, stack));
}

const one = (plan: StackPlan, type: string): PlannedResource => {
    const found = plan.resources.filter((r) => r.type === type);
    assert.equal(found.length, 1, type);
    return found[0];
};
const distributionOf = (plan: StackPlan) =>
    one(plan, "aws:cloudfront/distribution:Distribution").inputs as Record<string, any>;

/**
 * The files `pulumi new` would copy: the committed ones (it clones the
 * repository), outside .git. New files that git does not ignore count too, so
 * that a placeholder is caught before it is committed.
 */
function copiedFiles(): string[] {
    try {
        const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
            cwd: root,
            encoding: "utf8",
        });
        return listed.split("\0").filter(Boolean);
    } catch {
        // Not a git checkout (a project made by pulumi new is none): every file but the installed packages.
        const walk = (dir: string): string[] =>
            readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
                if (entry.name === ".git" || entry.name === "node_modules") return [];
                const path = join(dir, entry.name);
                return entry.isDirectory() ? walk(path) : [relative(root, path)];
            });
        return walk(root);
    }
}

describe("the pulumi new template", function () {
    this.timeout(60_000);
    after(() => {
        for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    it("is the root project, so that pulumi new copies this stack program", () => {
        // The CLI takes a directory holding a Pulumi.yaml as one template and
        // then looks at no subdirectory (deploy/ comes along as files).
        assert.equal(typeof projectFile().template, "object");
        assert.ok(typeof template.description === "string" && template.description.length > 0);
    });

    it("uses only the fields the CLI's project schema allows in a template", () => {
        // The schema forbids other fields there: a Pulumi.yaml with one fails to load for every command.
        for (const field of Object.keys(template))
            assert.ok(["description", "quickstart", "config"].includes(field), field);
        for (const [key, prompt] of prompts) {
            for (const field of Object.keys(prompt))
                assert.ok(["description", "default", "secret"].includes(field), `${key}.${field}`);
        }
    });

    it("asks for the region and for the project keys a new collector is shaped by", () => {
        assert.deepEqual(prompts.map(([key]) => key).sort(), ["aws:region", "logPrefix", "priceClass"]);
    });

    it("describes every prompt", () => {
        for (const [key, prompt] of prompts)
            assert.ok(typeof prompt.description === "string" && prompt.description.length > 20, key);
    });

    it("gives every default as a string, the only form the CLI reads", () => {
        for (const [key, prompt] of prompts) assert.equal(typeof prompt.default, "string", key);
    });

    it("prompts only for keys that Pulumi.yaml declares", () => {
        for (const [key] of projectPrompts) assert.ok(project.config[key] !== undefined, key);
    });

    it("offers for each project key the default that Pulumi.yaml declares", () => {
        for (const [key, prompt] of projectPrompts) assert.equal(prompt.default, project.config[key]?.default, key);
    });

    it("prompts only for keys declared as strings, because the CLI saves every answer as a string", () => {
        // A list key answered this way fails the CLI's type check on every
        // later command. (The CLI would take "true" or "7" for a boolean or an
        // integer key; the offline plan is stricter, so neither is asked.)
        for (const [key] of projectPrompts) assert.equal(project.config[key]?.type, "string", key);
    });

    it("offers a region where CloudFront's standard logging delivers", () => {
        const region = prompts.find(([key]) => key === "aws:region")?.[1].default;
        assert.equal(typeof region, "string");
        assert.equal(logRegionProblem(region as string), undefined);
    });

    it("offers a project description short enough for the CLI, which takes at most 256 characters", () => {
        const description = projectFile().description ?? "";
        assert.ok(description.length > 0 && description.length <= 256, `${description.length} characters`);
    });

    it("makes a stack that plans with every default accepted", async () => {
        const plan = await planNewStack({});
        assert.equal(plan.region, "us-east-1");
        assert.deepEqual(
            plan.resources
                .filter((r) => r.type === "cloudfront-collector:index:CloudfrontCollector")
                .map((r) => r.name),
            ["collector"],
        );
        assert.equal(distributionOf(plan).priceClass, "PriceClass_100");
    });

    it("makes a stack whose answers reach the collector, under whatever project name is chosen", async () => {
        const plan = await planNewStack(
            { "aws:region": "eu-central-1", logPrefix: "events/", priceClass: "PriceClass_All" },
            "shop-collector",
        );
        assert.equal(plan.project, "shop-collector");
        assert.equal(plan.region, "eu-central-1");
        assert.equal(distributionOf(plan).loggingConfig.prefix, "events/");
        assert.equal(distributionOf(plan).priceClass, "PriceClass_All");
    });

    it("makes a stack whose plan fails with the component's message when an answer is wrong", async () => {
        await assert.rejects(planNewStack({ priceClass: "PriceClass_300" }), /priceClass: got "PriceClass_300"/);
    });

    it("copies no file that holds a placeholder pulumi new would rewrite", () => {
        // The CLI replaces these two strings in the name and the text of every
        // file it copies, code and tests included. (Built here, so that this
        // file holds neither.)
        const placeholders = ["PROJECT", "DESCRIPTION"].map((name) => "$" + `{${name}}`);
        const rewritten = copiedFiles().filter((file) => {
            if (placeholders.some((p) => file.includes(p))) return true;
            const bytes = readFileSync(join(root, file));
            // Files with a NUL byte early on are binary to the CLI, and copied as they are.
            if (bytes.subarray(0, 8000).includes(0)) return false;
            const text = bytes.toString("utf8");
            return placeholders.some((p) => text.includes(p));
        });
        assert.deepEqual(rewritten, []);
    });
});
