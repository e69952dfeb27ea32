// The deploy role program's settings: defaults applied and every bad value reported at once.

import { DEFAULTS } from "./policies";

/** The settings as read from stack config; anything missing takes its default. */
export interface RawSettings {
    pulumiOrganization?: string;
    collectorProject?: string;
    collectorStacks?: string[];
    existingOidcProviderArn?: string;
    oidcIssuerUrl?: string;
    maxSessionDurationSeconds?: number;
    bucketNamePrefix?: string;
    customDomain?: boolean;
    hostedZoneIds?: string[];
}

export interface DeployRoleSettings {
    /** The Pulumi organization whose deployments may assume the role. */
    pulumiOrganization: string;
    /** The collector's Pulumi project. */
    collectorProject: string;
    /** Stack names or `StringLike` patterns of the collector project. */
    collectorStacks: string[];
    /** An IAM OIDC provider for the issuer that already exists in the account, if any. */
    existingOidcProviderArn?: string;
    oidcIssuerUrl: string;
    maxSessionDurationSeconds: number;
    bucketNamePrefix: string;
    customDomain: boolean;
    hostedZoneIds: string[];
}

// Pulumi organization, project and stack names use letters, digits, `-`, `_` and `.`; a `:`
// would shift the fields of the token's subject, and a wildcard in the organization or the
// project would widen the trust beyond one project.
const NAME = /^[A-Za-z0-9_.-]+$/;
const STACK_PATTERN = /^[A-Za-z0-9_.*?-]+$/;
// S3 bucket names are lower case letters, digits, `.` and `-`; `*` alone allows any bucket.
const BUCKET_PREFIX = /^(\*|[a-z0-9][a-z0-9.-]*)$/;
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/.+$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]+$/;

// IAM accepts a role's maximum session duration from one to twelve hours.
const MIN_SESSION_SECONDS = 3600;
const MAX_SESSION_SECONDS = 43200;

/**
 * Applies the defaults and checks every setting. `stackOrganization` is the organization of
 * the stack that runs this program, used when `pulumiOrganization` is left empty.
 */
export function resolveSettings(raw: RawSettings, stackOrganization: string): DeployRoleSettings {
    const settings: DeployRoleSettings = {
        pulumiOrganization: raw.pulumiOrganization || DEFAULTS.pulumiOrganization || stackOrganization,
        collectorProject: raw.collectorProject ?? DEFAULTS.collectorProject,
        collectorStacks: raw.collectorStacks ?? [...DEFAULTS.collectorStacks],
        existingOidcProviderArn: raw.existingOidcProviderArn || undefined,
        oidcIssuerUrl: raw.oidcIssuerUrl ?? DEFAULTS.oidcIssuerUrl,
        maxSessionDurationSeconds: raw.maxSessionDurationSeconds ?? DEFAULTS.maxSessionDurationSeconds,
        bucketNamePrefix: raw.bucketNamePrefix ?? DEFAULTS.bucketNamePrefix,
        customDomain: raw.customDomain ?? DEFAULTS.customDomain,
        hostedZoneIds: raw.hostedZoneIds ?? [...DEFAULTS.hostedZoneIds],
    };
    const problems = findProblems(settings);
    if (problems.length > 0) {
        throw new Error(`Invalid deploy role settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
    return settings;
}

function findProblems(s: DeployRoleSettings): string[] {
    const problems: string[] = [];
    if (!NAME.test(s.pulumiOrganization)) {
        problems.push(
            `\`pulumiOrganization\` must be a Pulumi organization name (letters, digits, '-', '_', '.'), got ${show(s.pulumiOrganization)}`,
        );
    }
    if (!NAME.test(s.collectorProject)) {
        problems.push(
            `\`collectorProject\` must be a Pulumi project name (letters, digits, '-', '_', '.'), got ${show(s.collectorProject)}`,
        );
    }
    if (s.collectorStacks.length === 0) {
        problems.push("`collectorStacks` must name at least one stack, got []");
    }
    for (const stack of s.collectorStacks) {
        if (!STACK_PATTERN.test(stack)) {
            problems.push(
                `\`collectorStacks\` entries must be stack names or patterns (letters, digits, '-', '_', '.', '*', '?'), got ${show(stack)}`,
            );
        }
    }
    if (s.existingOidcProviderArn !== undefined && !OIDC_PROVIDER_ARN.test(s.existingOidcProviderArn)) {
        problems.push(
            `\`existingOidcProviderArn\` must be an IAM OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/<url>), got ${show(s.existingOidcProviderArn)}`,
        );
    }
    if (!/^https:\/\/[^\s]+$/.test(s.oidcIssuerUrl)) {
        problems.push(`\`oidcIssuerUrl\` must be an https:// URL, got ${show(s.oidcIssuerUrl)}`);
    }
    const seconds = s.maxSessionDurationSeconds;
    if (!Number.isInteger(seconds) || seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
        problems.push(
            `\`maxSessionDurationSeconds\` must be a whole number from ${MIN_SESSION_SECONDS} to ${MAX_SESSION_SECONDS}, got ${seconds}`,
        );
    }
    if (!BUCKET_PREFIX.test(s.bucketNamePrefix)) {
        problems.push(
            `\`bucketNamePrefix\` must be the start of an S3 bucket name (lower case letters, digits, '.', '-') or '*', got ${show(s.bucketNamePrefix)}`,
        );
    }
    for (const zone of s.hostedZoneIds) {
        if (!HOSTED_ZONE_ID.test(zone)) {
            problems.push(
                `\`hostedZoneIds\` entries must be Route 53 hosted zone ids such as Z0123456789ABC, got ${show(zone)}`,
            );
        }
    }
    if (s.hostedZoneIds.length > 0 && !s.customDomain) {
        problems.push("`hostedZoneIds` is only used with `customDomain: true`, which is false");
    }
    return problems;
}

function show(value: string): string {
    return JSON.stringify(value);
}
