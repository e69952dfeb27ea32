/**
 * Runs a directory as Pulumi's Node.js language host runs a component plugin
 * (`node @pulumi/pulumi/cmd/run-plugin <dir>`, what `pulumi package add` and
 * every later `pulumi up` start) and asks it for its schema over gRPC on
 * loopback. No Pulumi CLI is involved.
 */
import { spawn } from "node:child_process";
import { dirname } from "node:path";

// The gRPC client and the provider protocol's stubs are @pulumi/pulumi's own
// (its dependency and its generated code), loaded from where it is installed.
/* eslint-disable @typescript-eslint/no-require-imports */
const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json"));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb.js");
const providerProto = require("@pulumi/pulumi/proto/provider_pb.js");
/* eslint-enable @typescript-eslint/no-require-imports */
const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin");

/** What the plugin served, and what it wrote to stderr meanwhile. */
export interface Served {
    schema: Record<string, any>;
    stderr: string;
}

/**
 * Starts `dir` as a plugin, with `cwd` as the working directory (the language
 * host uses the calling program's), fetches its schema and stops it.
 */
export function schemaServedBy(dir: string, cwd: string): Promise<Served> {
    return new Promise((resolve, reject) => {
        const plugin = spawn(process.execPath, [runPlugin, dir], { cwd, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        let asked = false;
        plugin.stderr.on("data", (chunk) => (stderr += chunk));
        plugin.on("exit", (code) => {
            if (!asked) reject(new Error(`the plugin exited with ${code} before serving:\n${stdout}\n${stderr}`));
        });
        plugin.stdout.on("data", (chunk) => {
            stdout += chunk;
            // The plugin's first line is the loopback port it serves on.
            const port = /^(\d+)\n/.exec(stdout)?.[1];
            if (port === undefined || asked) return;
            asked = true;
            const client = new providerRpc.ResourceProviderClient(
                `127.0.0.1:${port}`,
                grpc.credentials.createInsecure(),
            );
            const request = new providerProto.GetSchemaRequest();
            client.getSchema(request, (err: Error | null, response: { getSchema(): string }) => {
                client.close();
                plugin.kill();
                if (err !== null) reject(new Error(`GetSchema failed: ${err.message}\n${stderr}`));
                else resolve({ schema: JSON.parse(response.getSchema()), stderr });
            });
        });
    });
}
