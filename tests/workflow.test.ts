import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

import { parse } from "yaml";

// The shape of the parts of a GitHub Actions workflow these tests read.
interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}

interface Job {
    if?: string;
    needs?: string | string[];
    permissions?: Record<string, string>;
    steps: Step[];
}

interface Workflow {
    on: Record<string, { branches?: string[] }>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

const WORKFLOW_FILE = path.join(__dirname, "..", ".github", "workflows", "collector.yml");

function loadWorkflow(): Workflow {
    return parse(fs.readFileSync(WORKFLOW_FILE, "utf8")) as Workflow;
}

/** The jobs that run a given `pulumi/actions` command. */
function jobsRunning(workflow: Workflow, command: string): Array<[string, Job]> {
    return Object.entries(workflow.jobs).filter(([, job]) =>
        job.steps.some((step) => step.uses?.startsWith("pulumi/actions@") && step.with?.command === command),
    );
}

function onlyJobRunning(workflow: Workflow, command: string): Job {
    const jobs = jobsRunning(workflow, command);
    assert.strictEqual(
        jobs.length,
        1,
        `expected one job running pulumi ${command}, found ${jobs.map(([name]) => name)}`,
    );
    return jobs[0][1];
}

function step(job: Job, uses: string): Step {
    const found = job.steps.find((s) => s.uses?.startsWith(`${uses}@`));
    assert.ok(found, `no step uses ${uses}`);
    return found;
}

describe("collector workflow", () => {
    const workflow = loadWorkflow();

    it("runs on pull requests to main and on pushes to main, and on nothing else", () => {
        assert.deepStrictEqual(workflow.on, { pull_request: { branches: ["main"] }, push: { branches: ["main"] } });
    });

    it("grants no permissions to jobs that do not ask for them", () => {
        assert.deepStrictEqual(workflow.permissions, {});
    });

    it("runs npm ci and then npm test on Node 20", () => {
        const runs = workflow.jobs.test.steps.map((s) => s.run).filter(Boolean);
        assert.deepStrictEqual(
            [step(workflow.jobs.test, "actions/setup-node").with?.["node-version"], runs],
            [20, ["npm ci", "npm test"]],
        );
    });

    it("runs pulumi preview only for pull requests from this repository", () => {
        assert.strictEqual(
            onlyJobRunning(workflow, "preview").if?.replace(/\s+/g, " ").trim(),
            "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository",
        );
    });

    it("runs pulumi up only on a push to main", () => {
        assert.strictEqual(
            onlyJobRunning(workflow, "up").if,
            "github.event_name == 'push' && github.ref == 'refs/heads/main'",
        );
    });

    it("previews and deploys only after the tests pass", () => {
        assert.deepStrictEqual(
            [onlyJobRunning(workflow, "preview").needs, onlyJobRunning(workflow, "up").needs],
            ["test", "test"],
        );
    });

    it("comments the preview on the pull request", () => {
        const preview = onlyJobRunning(workflow, "preview");
        assert.deepStrictEqual(
            [step(preview, "pulumi/actions").with?.["comment-on-pr"], preview.permissions?.["pull-requests"]],
            [true, "write"],
        );
    });

    for (const command of ["preview", "up"]) {
        it(`lets the ${command} job request a GitHub OIDC token`, () => {
            assert.strictEqual(onlyJobRunning(workflow, command).permissions?.["id-token"], "write");
        });

        it(`gets AWS credentials for ${command} by assuming a role before running pulumi`, () => {
            const job = onlyJobRunning(workflow, command);
            const uses = job.steps.map((s) => s.uses?.split("@")[0]).filter(Boolean);
            const credentials = uses.indexOf("aws-actions/configure-aws-credentials");
            assert.ok(credentials >= 0 && credentials < uses.indexOf("pulumi/actions"), `steps are ${uses.join(", ")}`);
        });

        it(`sets up Node 20 and installs with npm ci before ${command}`, () => {
            const job = onlyJobRunning(workflow, command);
            assert.deepStrictEqual(
                [step(job, "actions/setup-node").with?.["node-version"], job.steps.some((s) => s.run === "npm ci")],
                [20, true],
            );
        });

        it(`passes PULUMI_ACCESS_TOKEN from the repository secrets to ${command}`, () => {
            const job = onlyJobRunning(workflow, command);
            assert.strictEqual(
                step(job, "pulumi/actions").env?.PULUMI_ACCESS_TOKEN,
                "${{ secrets.PULUMI_ACCESS_TOKEN }}",
            );
        });
    }

    it("previews with a read-only role and deploys with the deploy role", () => {
        const role = (command: string) =>
            step(onlyJobRunning(workflow, command), "aws-actions/configure-aws-credentials").with?.["role-to-assume"];
        assert.deepStrictEqual(
            [role("preview"), role("up")],
            ["${{ vars.AWS_PREVIEW_ROLE_ARN }}", "${{ vars.AWS_DEPLOY_ROLE_ARN }}"],
        );
    });

    it("previews and updates the same stack", () => {
        const stack = (command: string) =>
            step(onlyJobRunning(workflow, command), "pulumi/actions").with?.["stack-name"];
        assert.deepStrictEqual([stack("preview"), stack("up")], ["${{ env.PULUMI_STACK }}", "${{ env.PULUMI_STACK }}"]);
    });

    it("pins every action to a version tag or a commit, never a branch", () => {
        const uses = Object.values(workflow.jobs).flatMap(
            (job) => job.steps.map((s) => s.uses).filter(Boolean) as string[],
        );
        const unpinned = uses.filter((u) => !/@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(u));
        assert.deepStrictEqual(unpinned, []);
    });
});
