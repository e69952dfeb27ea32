/**
 * `npm run plan -- [--stack <name>] [--json]`: what `pulumi up` would create
 * for a stack of this project, worked out offline under Pulumi's mock engine:
 * no AWS, no Pulumi CLI, no network. Plans `dev` unless told otherwise. Exits
 * 1 with the program's message on a bad config, 2 on bad usage.
 */
import { parseArgs } from "node:util";
import { dirname, resolve } from "node:path";
import { planAsJson, planAsText } from "./render";
import { planStack } from "./run";
import { readProject, readStackConfig } from "./stack-config";

const USAGE = "usage: npm run plan -- [--stack <name>] [--json] [--project <dir>]";

async function main(argv: string[]): Promise<number> {
    let options;
    try {
        options = parseArgs({
            args: argv,
            options: {
                stack: { type: "string", default: "dev" },
                json: { type: "boolean", default: false },
                project: { type: "string", default: resolve(dirname(__dirname)) },
                help: { type: "boolean", default: false },
            },
        }).values;
    } catch (err) {
        process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
        return 2;
    }
    if (options.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }

    try {
        const dir = resolve(options.project);
        const project = readProject(dir);
        const config = readStackConfig(dir, project, options.stack);
        const plan = await planStack(project, options.stack, config);
        process.stdout.write(options.json ? `${JSON.stringify(planAsJson(plan), null, 2)}\n` : `${planAsText(plan)}\n`);
        return 0;
    } catch (err) {
        process.stderr.write(`plan failed for stack "${options.stack}": ${(err as Error)?.message ?? String(err)}\n`);
        return 1;
    }
}

// main() reports every failure itself and resolves to the exit status.
void main(process.argv.slice(2)).then((code) => process.exit(code));
