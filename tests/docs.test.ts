import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts;
const read = (path: string) => readFileSync(join(root, path), "utf8");
const guides = [
    "README.md",
    ...readdirSync(join(root, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
];

/** Asserts that `command` is `npm ci`, or runs a script that package.json has. */
function checkRunnable(command: string): void {
    const [tool, verb, script] = command.split(/\s+/);
    assert.equal(tool, "npm", command);
    if (verb === "ci") return;
    const name = verb === "run" ? script : verb;
    assert.ok(name in scripts, `${command}: package.json has no script "${name}"`);
}

describe("the guides", () => {
    for (const guide of guides) {
        it(`${guide} names only npm scripts that package.json has`, () => {
            const named = [...read(guide).matchAll(/npm run (?:--silent )?([a-z][\w:-]*)/g)].map((m) => m[1]);
            assert.deepEqual(
                named.filter((n) => !(n in scripts)),
                [],
            );
        });
    }
});

describe("the Deployments settings in docs/deployments.md", () => {
    const guide = read("docs/deployments.md");
    const body = JSON.parse(/```sh\ncurl[\s\S]*?<<'JSON'\n([\s\S]*?)\nJSON\n```/.exec(guide)![1]);
    const cliCommands = (block: string) => [...block.matchAll(/--pre-run-command '([^']+)'/g)].map((m) => m[1]);
    // The shell blocks that run `pulumi deployment settings edit`.
    const cliBlocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)]
        .map((m) => m[1])
        .filter((b) => /pulumi deployment settings edit/.test(b));

    it("skips the built-in install so that npm ci installs what the lock file pins", () => {
        assert.equal(body.operationContext.options.skipInstallDependencies, true);
        assert.equal(body.operationContext.preRunCommands[0], "npm ci");
        assert.ok(existsSync(join(root, "package-lock.json")));
    });

    it("runs pre-run commands that this repository has", () => {
        for (const command of body.operationContext.preRunCommands) checkRunnable(command);
    });

    it("gives the CLI the same pre-run commands as the REST API", () => {
        assert.ok(cliBlocks.length >= 2, "the stack's and the review template's settings");
        for (const block of cliBlocks) assert.deepEqual(cliCommands(block), body.operationContext.preRunCommands);
    });

    it("sets no project folder, because Pulumi.yaml is at the repository's root", () => {
        assert.equal(body.sourceContext.git.repoDir, undefined);
        for (const block of cliBlocks) assert.doesNotMatch(block, /--folder/);
        assert.ok(existsSync(join(root, "Pulumi.yaml")));
    });
});
