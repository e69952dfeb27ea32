import * as pulumi from "@pulumi/pulumi";
import { Fabricator, fabricateInvoke, fabricateResource } from "./fabricate";

/** The resource options the engine received with a registration. */
export interface PlannedOptions {
    /** URNs this resource waits for. */
    dependsOn: string[];
    retainOnDelete: boolean;
    protect: boolean;
    /** Earlier URNs this resource answers to, its parents' aliases included. */
    aliases: string[];
}

/** One resource as `pulumi up` would be asked to create it. */
export interface PlannedResource {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; the stack's own resource has none. */
    parent?: string;
    custom: boolean;
    inputs: Record<string, unknown>;
    /** The inputs plus what AWS would compute, `id` included (made up, see {@link Fabricator}). */
    outputs: Record<string, unknown>;
    options: PlannedOptions;
}

/** What an engine run recorded. */
export interface MockEngine {
    readonly resources: PlannedResource[];
    readonly fabricator: Fabricator;
    /**
     * Rejects with the first registration the engine refused (a duplicate
     * URN). The SDK reports such a failure nowhere the program can see, so
     * anything waiting on the program should also wait on this.
     */
    readonly failed: Promise<never>;
    /** Forgets the resources recorded so far (the settings stay). */
    reset(): void;
}

export interface EngineOptions {
    project: string;
    stack: string;
    /** The stack's region, `aws:region`. */
    region: string;
}

// Loaded lazily: these are the SDK's own modules behind `setMocks`.
/* eslint-disable @typescript-eslint/no-require-imports */
const settings = (): { getMonitor(): unknown; waitForRPCs(): Promise<void> } =>
    require("@pulumi/pulumi/runtime/settings");
const rpc = (): { deserializeProperties(s: unknown): Record<string, unknown> } => require("@pulumi/pulumi/runtime/rpc");
/* eslint-enable @typescript-eslint/no-require-imports */

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): unknown;
    getDependenciesList(): string[];
    getRetainondelete(): boolean | undefined;
    getProtect(): boolean | undefined;
    getAliasurnsList(): string[];
}
interface RegisterResponse {
    getObject(): unknown;
    getId(): string;
}
type Callback = (err: Error | null, resp?: RegisterResponse) => void;

/**
 * Starts Pulumi's mock engine (not a preview: every `apply` runs, on made-up
 * values) and records every registration with its parent and options, which
 * the SDK's mocks alone do not see. Like the real engine, it refuses a second
 * resource with the same URN.
 */
export async function startMockEngine(options: EngineOptions): Promise<MockEngine> {
    const fabricator = new Fabricator(options.region);
    const resources: PlannedResource[] = [];
    let fail: (err: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    // Nobody may be waiting yet; the rejection is still delivered to later waiters.
    failed.catch(() => undefined);

    // Explicit AWS providers by reference (`<urn>::<id>`), with their region:
    // what a resource or data source served by one sees as its region.
    const providerRegions = new Map<string, string>();
    const inRegionOf = (provider: string | undefined, inputs: Record<string, unknown>) => {
        const region = provider === undefined ? undefined : providerRegions.get(provider);
        return region === undefined || inputs.region !== undefined ? inputs : { ...inputs, region };
    };

    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                const urn = urnOf(options, args.type, args.name, pending.get(`${args.type}::${args.name}`));
                const made = fabricateResource(
                    fabricator,
                    args.type,
                    args.name,
                    urn,
                    inRegionOf(args.provider, args.inputs),
                );
                if (args.type === "pulumi:providers:aws") {
                    providerRegions.set(`${urn}::${made.id}`, String(args.inputs.region ?? options.region));
                }
                return { id: args.custom ? made.id : undefined, state: args.custom ? made.state : {} };
            },
            call: (args) => fabricateInvoke(fabricator, args.token, inRegionOf(args.provider, args.inputs)),
        },
        options.project,
        options.stack,
        false,
    );

    // Without alias specs the SDK works out every alias URN itself, children's
    // inherited ones included, and sends them: the plan can then show them.
    // (The real engine computes the same URNs from the specs.)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("@pulumi/pulumi/runtime/state").getStore().supportsAliasSpecs = false;

    // Parents of registrations in flight, so that newResource can compute the URN.
    const pending = new Map<string, string>();
    const monitor = settings().getMonitor() as {
        registerResource(req: RegisterRequest, callback: Callback): Promise<void>;
        newUrn(parent: string, type: string, name: string): string;
    };
    monitor.newUrn = (parent, type, name) => urnOf(options, type, name, parent || undefined);
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = async (req, callback) => {
        const parent = req.getParent() || undefined;
        const urn = monitor.newUrn(req.getParent(), req.getType(), req.getName());
        if (resources.some((r) => r.urn === urn)) {
            const err = new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
            fail(err);
            callback(err);
            return;
        }
        const record: PlannedResource = {
            urn,
            type: req.getType(),
            name: req.getName(),
            parent,
            custom: req.getCustom(),
            inputs: rpc().deserializeProperties(req.getObject()),
            outputs: {},
            options: {
                dependsOn: req.getDependenciesList(),
                retainOnDelete: req.getRetainondelete() ?? false,
                protect: req.getProtect() ?? false,
                aliases: req.getAliasurnsList(),
            },
        };
        resources.push(record);
        pending.set(`${record.type}::${record.name}`, req.getParent());
        await register(req, (err, resp) => {
            const object = resp?.getObject();
            if (object !== undefined) record.outputs = rpc().deserializeProperties(object);
            const id = resp?.getId();
            if (id) record.outputs.id = id;
            callback(err, resp);
        });
    };

    return {
        resources,
        fabricator,
        failed,
        reset: () => {
            resources.length = 0;
        },
    };
}

/**
 * A resource's URN as the real engine and the SDK form it: the parent's
 * qualified type chain, `$`, the type, `::`, the name; the stack's own type is
 * left out of its children's URNs. (The SDK's mock monitor keeps only the
 * parent's own type, which makes collectors under different parents clash.)
 */
function urnOf(options: EngineOptions, type: string, name: string, parent: string | undefined): string {
    let prefix = `urn:pulumi:${options.stack}::${options.project}::`;
    if (parent) {
        const chain = `${parent.substring(0, parent.lastIndexOf("::"))}$`;
        if (!chain.endsWith("::pulumi:pulumi:Stack$")) prefix = chain;
    }
    return `${prefix}${type}::${name}`;
}

/** Waits until every registration and `apply` started so far has finished. */
export function settle(): Promise<void> {
    return settings().waitForRPCs();
}
