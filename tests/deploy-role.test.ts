import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";

import {
    DEFAULTS,
    PULUMI_OIDC_ISSUER,
    permissionsPolicy,
    previewPermissionsPolicy,
    trustPolicy,
    type PermissionsPolicyArgs,
    type PolicyDocument,
} from "../deploy/policies";
import { resolveSettings } from "../deploy/settings";

const ACCOUNT = "111122223333";
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/api.pulumi.com/oidc`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/collector-deploy`;
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/collector-deploy/pulumi-deploy`;

const ORG = "acme";
const PROJECT = "cloudfront-collector";

function subject(org: string, project: string, stack: string, operation = "update"): string {
    return `pulumi:deploy:org:${org}:project:${project}:stack:${stack}:operation:${operation}:scope:write`;
}

// iam-simulate validates condition keys against AWS's service reference, which lists the keys
// of a few identity providers (Google, Cognito, GitHub...) but not Pulumi Cloud's: with
// `api.pulumi.com/oidc:*` keys it drops them as unknown and every condition fails as missing.
// (Its `runUnsafeSimulation`, which skips that validation, throws on any resource policy in
// 0.1.173.) So the trust policy is evaluated as built for a stand-in issuer that the
// simulator knows; a separate test checks that Pulumi's policy differs from it only in the
// provider ARN and the key prefix.
const STAND_IN_ISSUER = "https://accounts.google.com";
const STAND_IN_PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/accounts.google.com`;

function collectorTrust(
    stacks = ["dev"],
    issuerUrl = STAND_IN_ISSUER,
    providerArn = STAND_IN_PROVIDER_ARN,
): PolicyDocument {
    return trustPolicy({ providerArn, issuerUrl, organization: ORG, project: PROJECT, stacks });
}

function baseSimulation(request: Simulation["request"]): Simulation {
    return { request, identityPolicies: [], serviceControlPolicies: [], resourceControlPolicies: [] };
}

/** Evaluates `sts:AssumeRoleWithWebIdentity` with a token carrying `claims` against `policy`. */
function assumeWithWebIdentity(
    policy: PolicyDocument,
    claims: { aud?: string; sub?: string },
    principal = STAND_IN_PROVIDER_ARN,
): Promise<string> {
    const contextVariables: Record<string, string> = {};
    if (claims.aud !== undefined) contextVariables["accounts.google.com:aud"] = claims.aud;
    if (claims.sub !== undefined) contextVariables["accounts.google.com:sub"] = claims.sub;
    const simulation = baseSimulation({
        principal,
        action: "sts:AssumeRoleWithWebIdentity",
        resource: { resource: ROLE_ARN, accountId: ACCOUNT },
        contextVariables,
    });
    return overallResult({ ...simulation, resourcePolicy: policy });
}

async function overallResult(simulation: Simulation): Promise<string> {
    const response = await runSimulation(simulation, {});
    if (response.resultType === "error") {
        throw new Error(`simulation rejected: ${JSON.stringify(response.errors)}`);
    }
    return response.overallResult;
}

function collectorPermissions(overrides: Partial<PermissionsPolicyArgs> = {}): PolicyDocument {
    return permissionsPolicy({
        partition: "aws",
        accountId: ACCOUNT,
        bucketNamePrefix: "collector-",
        customDomain: false,
        hostedZoneIds: [],
        ...overrides,
    });
}

/** Whether a session of the deploy role, holding `policy`, may do `action` on `resource`. */
function deployRoleMay(
    policy: PolicyDocument,
    action: string,
    resource: string,
    contextVariables: Record<string, string> = {},
): Promise<string> {
    const simulation = baseSimulation({
        principal: SESSION_ARN,
        action,
        resource: { resource, accountId: ACCOUNT },
        contextVariables,
    });
    return overallResult({ ...simulation, identityPolicies: [{ name: "collector-deploy", policy }] });
}

describe("deploy role trust policy", () => {
    for (const operation of ["preview", "update", "refresh", "destroy"]) {
        it(`lets ${operation === "update" ? "an" : "a"} ${operation} deployment of an allowed stack of the collector project assume the role`, async () => {
            const result = await assumeWithWebIdentity(collectorTrust(), {
                aud: ORG,
                sub: subject(ORG, PROJECT, "dev", operation),
            });
            assert.strictEqual(result, "Allowed");
        });
    }

    it("lets a review stack assume the role when a configured pattern matches its name", async () => {
        const result = await assumeWithWebIdentity(collectorTrust(["dev", "pr-*"]), {
            aud: ORG,
            sub: subject(ORG, PROJECT, "pr-42"),
        });
        assert.strictEqual(result, "Allowed");
    });

    it("refuses a deployment of a stack of the project that is not configured", async () => {
        const result = await assumeWithWebIdentity(collectorTrust(["dev", "pr-*"]), {
            aud: ORG,
            sub: subject(ORG, PROJECT, "prod"),
        });
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses a deployment of another organization", async () => {
        const result = await assumeWithWebIdentity(collectorTrust(), {
            aud: "evil",
            sub: subject("evil", PROJECT, "dev"),
        });
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses a token whose subject names another organization even with the collector's audience", async () => {
        const result = await assumeWithWebIdentity(collectorTrust(), {
            aud: ORG,
            sub: subject("evil", PROJECT, "dev"),
        });
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses a deployment of another project of the organization", async () => {
        const result = await assumeWithWebIdentity(collectorTrust(), { aud: ORG, sub: subject(ORG, "billing", "dev") });
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses a project whose name merely starts with the collector project's name", async () => {
        const result = await assumeWithWebIdentity(collectorTrust(), {
            aud: ORG,
            sub: subject(ORG, `${PROJECT}-fork`, "dev"),
        });
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses a token issued for another audience", async () => {
        const result = await assumeWithWebIdentity(collectorTrust(), {
            aud: "sts.amazonaws.com",
            sub: subject(ORG, PROJECT, "dev"),
        });
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses a token without an audience", async () => {
        const result = await assumeWithWebIdentity(collectorTrust(), { sub: subject(ORG, PROJECT, "dev") });
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses a token from another OIDC provider carrying the same claims", async () => {
        const github = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
        const result = await assumeWithWebIdentity(
            collectorTrust(),
            { aud: ORG, sub: subject(ORG, PROJECT, "dev") },
            github,
        );
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses sts:AssumeRole by an administrator of the same account", async () => {
        const admin = `arn:aws:iam::${ACCOUNT}:user/admin`;
        const simulation = baseSimulation({
            principal: admin,
            action: "sts:AssumeRole",
            resource: { resource: ROLE_ARN, accountId: ACCOUNT },
            contextVariables: {},
        });
        const allowEverything = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
        const result = await overallResult({
            ...simulation,
            identityPolicies: [{ name: "AdministratorAccess", policy: allowEverything }],
            resourcePolicy: collectorTrust(),
        });
        assert.notStrictEqual(result, "Allowed");
    });

    it("differs for Pulumi Cloud's issuer from the evaluated policy only in the provider and the key prefix", () => {
        const pulumiCloud = JSON.stringify(collectorTrust(["dev", "pr-*"], PULUMI_OIDC_ISSUER, PROVIDER_ARN));
        const standIn = JSON.stringify(collectorTrust(["dev", "pr-*"]))
            .replace(STAND_IN_PROVIDER_ARN, PROVIDER_ARN)
            .replace(/accounts\.google\.com:/g, "api.pulumi.com/oidc:");
        assert.strictEqual(pulumiCloud, standIn);
    });

    it("conditions Pulumi Cloud's tokens on the api.pulumi.com/oidc audience and subject keys", () => {
        const condition = collectorTrust(["dev"], PULUMI_OIDC_ISSUER, PROVIDER_ARN).Statement[0].Condition;
        assert.deepStrictEqual(condition, {
            StringEquals: { "api.pulumi.com/oidc:aud": ORG },
            StringLike: { "api.pulumi.com/oidc:sub": [subject(ORG, PROJECT, "dev", "*")] },
        });
    });

    it("names the issuer's condition keys after a self-hosted issuer URL", () => {
        const policy = trustPolicy({
            providerArn: PROVIDER_ARN,
            issuerUrl: "https://pulumi.example.com/oidc/",
            organization: ORG,
            project: PROJECT,
            stacks: ["dev"],
        });
        assert.deepStrictEqual(Object.keys(policy.Statement[0].Condition?.StringEquals ?? {}), [
            "pulumi.example.com/oidc:aud",
        ]);
    });
});

// What deploying a collector does, as IAM sees it: [action, resource].
const COLLECTOR_REQUESTS: Array<[string, string]> = [
    ["sts:GetCallerIdentity", "*"],
    ["s3:CreateBucket", "arn:aws:s3:::collector-pixels-1a2b3c4"],
    ["s3:DeleteBucket", "arn:aws:s3:::collector-pixels-1a2b3c4"],
    ["s3:ListBucket", "arn:aws:s3:::collector-pixels-1a2b3c4"],
    ["s3:PutBucketPublicAccessBlock", "arn:aws:s3:::collector-logs-5d6e7f8"],
    ["s3:PutBucketOwnershipControls", "arn:aws:s3:::collector-logs-5d6e7f8"],
    ["s3:PutEncryptionConfiguration", "arn:aws:s3:::collector-logs-5d6e7f8"],
    ["s3:PutBucketVersioning", "arn:aws:s3:::collector-logs-5d6e7f8"],
    ["s3:PutLifecycleConfiguration", "arn:aws:s3:::collector-logs-5d6e7f8"],
    ["s3:PutBucketPolicy", "arn:aws:s3:::collector-pixels-1a2b3c4"],
    ["s3:DeleteBucketPolicy", "arn:aws:s3:::collector-pixels-1a2b3c4"],
    ["s3:PutBucketTagging", "arn:aws:s3:::collector-pixels-1a2b3c4"],
    ["s3:PutObject", "arn:aws:s3:::collector-pixels-1a2b3c4/i"],
    ["s3:GetObject", "arn:aws:s3:::collector-pixels-1a2b3c4/i"],
    ["s3:DeleteObject", "arn:aws:s3:::collector-pixels-1a2b3c4/i"],
    ["cloudfront:CreateDistribution", "*"],
    ["cloudfront:GetDistribution", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2EXAMPLE`],
    ["cloudfront:UpdateDistribution", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2EXAMPLE`],
    ["cloudfront:DeleteDistribution", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2EXAMPLE`],
    ["cloudfront:TagResource", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2EXAMPLE`],
    ["cloudfront:CreateOriginAccessControl", "*"],
    ["cloudfront:UpdateOriginAccessControl", `arn:aws:cloudfront::${ACCOUNT}:origin-access-control/E3EXAMPLE`],
    ["cloudfront:DeleteOriginAccessControl", `arn:aws:cloudfront::${ACCOUNT}:origin-access-control/E3EXAMPLE`],
    ["cloudfront:CreateCachePolicy", "*"],
    ["cloudfront:UpdateCachePolicy", `arn:aws:cloudfront::${ACCOUNT}:cache-policy/0a1b2c3d`],
    ["cloudfront:DeleteCachePolicy", `arn:aws:cloudfront::${ACCOUNT}:cache-policy/0a1b2c3d`],
    ["cloudfront:CreateResponseHeadersPolicy", "*"],
    ["cloudfront:UpdateResponseHeadersPolicy", `arn:aws:cloudfront::${ACCOUNT}:response-headers-policy/4e5f6a7b`],
    ["cloudfront:DeleteResponseHeadersPolicy", `arn:aws:cloudfront::${ACCOUNT}:response-headers-policy/4e5f6a7b`],
    ["cloudfront:CreateFunction", "*"],
    ["cloudfront:DescribeFunction", `arn:aws:cloudfront::${ACCOUNT}:function/collector-cors-9c8b7a6`],
    ["cloudfront:UpdateFunction", `arn:aws:cloudfront::${ACCOUNT}:function/collector-cors-9c8b7a6`],
    ["cloudfront:PublishFunction", `arn:aws:cloudfront::${ACCOUNT}:function/collector-cors-9c8b7a6`],
    ["cloudfront:DeleteFunction", `arn:aws:cloudfront::${ACCOUNT}:function/collector-cors-9c8b7a6`],
    ["cloudfront:TagResource", `arn:aws:cloudfront::${ACCOUNT}:function/collector-cors-9c8b7a6`],
];

// Things a leaked collector deployment must not be able to do.
const UNRELATED_REQUESTS: Array<[string, string]> = [
    ["iam:CreateUser", `arn:aws:iam::${ACCOUNT}:user/backdoor`],
    ["iam:AttachRolePolicy", ROLE_ARN],
    ["ec2:RunInstances", `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`],
    ["s3:PutBucketWebsite", "arn:aws:s3:::collector-pixels-1a2b3c4"],
    ["acm:RequestCertificate", "*"],
    ["route53:ChangeResourceRecordSets", "arn:aws:route53:::hostedzone/Z0123456789ABC"],
];

describe("deploy role permissions policy", () => {
    for (const [action, resource] of COLLECTOR_REQUESTS) {
        it(`allows ${action} on ${resource}`, async () => {
            assert.strictEqual(await deployRoleMay(collectorPermissions(), action, resource), "Allowed");
        });
    }

    for (const [action, resource] of UNRELATED_REQUESTS) {
        it(`refuses ${action} on ${resource} when the collector has no custom domain`, async () => {
            // In us-east-1, so that only the missing grant can refuse it.
            const inUsEast1 = { "aws:RequestedRegion": "us-east-1" };
            assert.strictEqual(
                await deployRoleMay(collectorPermissions(), action, resource, inUsEast1),
                "ImplicitlyDenied",
            );
        });
    }

    it("lets the deploy identity read the log bucket's ACL, which CloudFront standard logging requires", async () => {
        const result = await deployRoleMay(
            collectorPermissions(),
            "s3:GetBucketAcl",
            "arn:aws:s3:::collector-logs-5d6e7f8",
        );
        assert.strictEqual(result, "Allowed");
    });

    it("lets the deploy identity write the log bucket's ACL, which CloudFront standard logging requires", async () => {
        const result = await deployRoleMay(
            collectorPermissions(),
            "s3:PutBucketAcl",
            "arn:aws:s3:::collector-logs-5d6e7f8",
        );
        assert.strictEqual(result, "Allowed");
    });

    it("refuses buckets whose name does not start with the configured prefix", async () => {
        const result = await deployRoleMay(
            collectorPermissions(),
            "s3:PutBucketPolicy",
            "arn:aws:s3:::payroll-exports",
        );
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses objects of buckets whose name does not start with the configured prefix", async () => {
        const result = await deployRoleMay(
            collectorPermissions(),
            "s3:GetObject",
            "arn:aws:s3:::payroll-exports/2026.csv",
        );
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("allows any bucket when the prefix is '*'", async () => {
        const policy = collectorPermissions({ bucketNamePrefix: "*" });
        assert.strictEqual(await deployRoleMay(policy, "s3:CreateBucket", "arn:aws:s3:::anything-at-all"), "Allowed");
    });

    it("refuses to change a distribution of another account", async () => {
        const result = await deployRoleMay(
            collectorPermissions(),
            "cloudfront:UpdateDistribution",
            "arn:aws:cloudfront::999999999999:distribution/E2EXAMPLE",
        );
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("refuses CloudFront functions whose name does not start with the configured prefix", async () => {
        const result = await deployRoleMay(
            collectorPermissions(),
            "cloudfront:UpdateFunction",
            `arn:aws:cloudfront::${ACCOUNT}:function/site-rewrite`,
        );
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("with a custom domain allows requesting a certificate in us-east-1", async () => {
        const policy = collectorPermissions({ customDomain: true });
        const result = await deployRoleMay(policy, "acm:RequestCertificate", "*", {
            "aws:RequestedRegion": "us-east-1",
        });
        assert.strictEqual(result, "Allowed");
    });

    it("with a custom domain refuses requesting a certificate outside us-east-1, where CloudFront cannot use it", async () => {
        const policy = collectorPermissions({ customDomain: true });
        const result = await deployRoleMay(policy, "acm:RequestCertificate", "*", {
            "aws:RequestedRegion": "eu-west-1",
        });
        assert.strictEqual(result, "ImplicitlyDenied");
    });

    it("with a custom domain allows deleting a certificate of this account in us-east-1", async () => {
        const policy = collectorPermissions({ customDomain: true });
        const certificate = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0f1e2d3c`;
        assert.strictEqual(await deployRoleMay(policy, "acm:DeleteCertificate", certificate), "Allowed");
    });

    it("with a custom domain allows changing records of a listed hosted zone", async () => {
        const policy = collectorPermissions({ customDomain: true, hostedZoneIds: ["Z0123456789ABC"] });
        const zone = "arn:aws:route53:::hostedzone/Z0123456789ABC";
        assert.strictEqual(await deployRoleMay(policy, "route53:ChangeResourceRecordSets", zone), "Allowed");
    });

    it("with hosted zones listed refuses changing records of any other zone", async () => {
        const policy = collectorPermissions({ customDomain: true, hostedZoneIds: ["Z0123456789ABC"] });
        const zone = "arn:aws:route53:::hostedzone/Z9999999999XYZ";
        assert.strictEqual(await deployRoleMay(policy, "route53:ChangeResourceRecordSets", zone), "ImplicitlyDenied");
    });

    it("fits in IAM's 10,240-character limit on a role's inline policies with every option on", () => {
        const policy = collectorPermissions({
            customDomain: true,
            hostedZoneIds: ["Z0123456789ABC", "Z0123456789ABD"],
        });
        assert.ok(JSON.stringify(policy).length < 10240, `policy is ${JSON.stringify(policy).length} characters`);
    });
});

describe("preview role permissions policy", () => {
    const preview = () =>
        previewPermissionsPolicy({
            partition: "aws",
            accountId: ACCOUNT,
            bucketNamePrefix: "collector-",
            customDomain: true,
            hostedZoneIds: [],
        });

    const reads: Array<[string, string]> = [
        ["sts:GetCallerIdentity", "*"],
        ["s3:GetBucketAcl", "arn:aws:s3:::collector-logs-5d6e7f8"],
        ["s3:GetBucketPolicy", "arn:aws:s3:::collector-pixels-1a2b3c4"],
        ["s3:GetObject", "arn:aws:s3:::collector-pixels-1a2b3c4/i"],
        ["cloudfront:GetDistribution", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2EXAMPLE`],
        ["cloudfront:GetCachePolicy", `arn:aws:cloudfront::${ACCOUNT}:cache-policy/0a1b2c3d`],
        ["acm:DescribeCertificate", `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0f1e2d3c`],
    ];
    for (const [action, resource] of reads) {
        it(`allows ${action} on ${resource}`, async () => {
            assert.strictEqual(await deployRoleMay(preview(), action, resource), "Allowed");
        });
    }

    const writes: Array<[string, string]> = [
        ["s3:CreateBucket", "arn:aws:s3:::collector-pixels-1a2b3c4"],
        ["s3:PutBucketAcl", "arn:aws:s3:::collector-logs-5d6e7f8"],
        ["s3:DeleteObject", "arn:aws:s3:::collector-pixels-1a2b3c4/i"],
        ["cloudfront:CreateDistribution", "*"],
        ["cloudfront:UpdateDistribution", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2EXAMPLE`],
        ["cloudfront:PublishFunction", `arn:aws:cloudfront::${ACCOUNT}:function/collector-cors-9c8b7a6`],
        ["route53:ChangeResourceRecordSets", "arn:aws:route53:::hostedzone/Z0123456789ABC"],
    ];
    for (const [action, resource] of writes) {
        it(`refuses ${action} on ${resource}`, async () => {
            const inUsEast1 = { "aws:RequestedRegion": "us-east-1" };
            assert.strictEqual(await deployRoleMay(preview(), action, resource, inUsEast1), "ImplicitlyDenied");
        });
    }
});

describe("deploy role settings", () => {
    it("takes the organization of the stack that runs the program when none is configured", () => {
        assert.strictEqual(resolveSettings({}, "acme").pulumiOrganization, "acme");
    });

    it("defaults to the dev stack of the cloudfront-collector project", () => {
        const settings = resolveSettings({}, "acme");
        assert.deepStrictEqual(
            [settings.collectorProject, settings.collectorStacks],
            ["cloudfront-collector", ["dev"]],
        );
    });

    it("reports every invalid setting in one error", () => {
        assert.throws(
            () =>
                resolveSettings(
                    {
                        pulumiOrganization: "acme:*",
                        collectorProject: "cloudfront-*",
                        collectorStacks: ["dev:prod"],
                        existingOidcProviderArn: "api.pulumi.com/oidc",
                        oidcIssuerUrl: "http://api.pulumi.com/oidc",
                        maxSessionDurationSeconds: 60,
                        bucketNamePrefix: "Collector_",
                        hostedZoneIds: ["example.com"],
                    },
                    "acme",
                ),
            {
                message: [
                    "Invalid deploy role settings:",
                    "  - `pulumiOrganization` must be a Pulumi organization name (letters, digits, '-', '_', '.'), got \"acme:*\"",
                    "  - `collectorProject` must be a Pulumi project name (letters, digits, '-', '_', '.'), got \"cloudfront-*\"",
                    "  - `collectorStacks` entries must be stack names or patterns (letters, digits, '-', '_', '.', '*', '?'), got \"dev:prod\"",
                    '  - `existingOidcProviderArn` must be an IAM OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/<url>), got "api.pulumi.com/oidc"',
                    '  - `oidcIssuerUrl` must be an https:// URL, got "http://api.pulumi.com/oidc"',
                    "  - `maxSessionDurationSeconds` must be a whole number from 3600 to 43200, got 60",
                    "  - `bucketNamePrefix` must be the start of an S3 bucket name (lower case letters, digits, '.', '-') or '*', got \"Collector_\"",
                    '  - `hostedZoneIds` entries must be Route 53 hosted zone ids such as Z0123456789ABC, got "example.com"',
                    "  - `hostedZoneIds` is only used with `customDomain: true`, which is false",
                ].join("\n"),
            },
        );
    });

    it("refuses an empty list of stacks", () => {
        assert.throws(
            () => resolveSettings({ collectorStacks: [] }, "acme"),
            /`collectorStacks` must name at least one stack, got \[\]/,
        );
    });

    it("declares in deploy/Pulumi.yaml the same defaults the program applies", () => {
        const project = parse(fs.readFileSync(path.join(__dirname, "..", "deploy", "Pulumi.yaml"), "utf8"));
        const declared = Object.fromEntries(
            Object.entries(project.config as Record<string, { default: unknown }>).map(([key, schema]) => [
                key,
                schema.default,
            ]),
        );
        assert.deepStrictEqual(declared, DEFAULTS);
    });
});

// --- The program under Pulumi mocks ---------------------------------------------------------

interface Registered {
    type: string;
    name: string;
    inputs: Record<string, any>;
}

const PROGRAM = require.resolve("../deploy/index");
const DEPLOY_PROJECT = "cloudfront-collector-deploy-role";

/** Loads deploy/index.ts afresh under mocks with `config`, and returns what it registered. */
async function runProgram(
    config: Record<string, string>,
): Promise<{ resources: Registered[]; outputs: Record<string, unknown> }> {
    const resources: Registered[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                resources.push({ type: args.type, name: args.name, inputs: args.inputs });
                const arn =
                    args.type === "aws:iam/openIdConnectProvider:OpenIdConnectProvider"
                        ? PROVIDER_ARN
                        : `arn:aws:iam::${ACCOUNT}:role/${args.name}`;
                return { id: `${args.name}-id`, state: { ...args.inputs, arn } };
            },
            call: (args) => {
                if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") {
                    return {
                        accountId: ACCOUNT,
                        arn: `arn:aws:iam::${ACCOUNT}:user/admin`,
                        userId: "AIDAEXAMPLE",
                        id: ACCOUNT,
                    };
                }
                if (args.token === "aws:index/getPartition:getPartition") {
                    return {
                        partition: "aws",
                        dnsSuffix: "amazonaws.com",
                        reverseDnsPrefix: "com.amazonaws",
                        id: "aws",
                    };
                }
                throw new Error(`unexpected call ${args.token}`);
            },
        },
        DEPLOY_PROJECT,
        "admin",
        false,
        "acme",
    );
    pulumi.runtime.setAllConfig(
        Object.fromEntries(Object.entries(config).map(([key, value]) => [`${DEPLOY_PROJECT}:${key}`, value])),
    );
    delete require.cache[PROGRAM];
    const program: Record<string, unknown> = require(PROGRAM);
    const outputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(program)) {
        outputs[key] = await new Promise((resolve) =>
            (pulumi.output(value) as pulumi.Output<unknown>).apply((v) => resolve(v)),
        );
    }
    // The role policy's document waits on two invokes; give its registration a bounded time.
    for (let i = 0; i < 200 && !resources.some((r) => r.type === "aws:iam/rolePolicy:RolePolicy"); i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { resources, outputs };
}

function registered(resources: Registered[], type: string): Registered[] {
    return resources.filter((r) => r.type === type);
}

describe("deploy role program", () => {
    const config = { pulumiOrganization: "acme", collectorStacks: JSON.stringify(["dev", "pr-*"]) };

    // Config and mocks are process-wide: leave the config as the other test files had it.
    let configBefore: Record<string, string>;
    before(() => {
        configBefore = pulumi.runtime.allConfig();
    });
    after(() => {
        pulumi.runtime.setAllConfig(configBefore);
    });

    it("registers an OIDC provider for Pulumi Cloud's issuer with the organization as its audience", async () => {
        const { resources } = await runProgram(config);
        const providers = registered(resources, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assert.deepStrictEqual(
            providers.map((p) => [p.inputs.url, p.inputs.clientIdLists]),
            [["https://api.pulumi.com/oidc", ["acme"]]],
        );
    });

    it("registers a role whose trust policy admits the configured deployments through that provider", async () => {
        const { resources } = await runProgram(config);
        const [role] = registered(resources, "aws:iam/role:Role");
        assert.deepStrictEqual(
            JSON.parse(role.inputs.assumeRolePolicy),
            trustPolicy({
                providerArn: PROVIDER_ARN,
                issuerUrl: PULUMI_OIDC_ISSUER,
                organization: "acme",
                project: "cloudfront-collector",
                stacks: ["dev", "pr-*"],
            }),
        );
    });

    it("gives the role the configured maximum session duration", async () => {
        const { resources } = await runProgram({ ...config, maxSessionDurationSeconds: "7200" });
        const [role] = registered(resources, "aws:iam/role:Role");
        assert.strictEqual(role.inputs.maxSessionDuration, 7200);
    });

    it("attaches the collector's permissions for the caller's account to the role", async () => {
        const { resources } = await runProgram(config);
        const [policy] = registered(resources, "aws:iam/rolePolicy:RolePolicy");
        assert.deepStrictEqual(
            [policy.inputs.role, JSON.parse(policy.inputs.policy)],
            ["collector-deploy-id", collectorPermissions()],
        );
    });

    it("uses the configured existing OIDC provider instead of creating one", async () => {
        const existing = `arn:aws:iam::${ACCOUNT}:oidc-provider/api.pulumi.com/oidc`;
        const { resources, outputs } = await runProgram({ ...config, existingOidcProviderArn: existing });
        assert.deepStrictEqual(
            [
                registered(resources, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length,
                outputs.oidcProviderArn,
            ],
            [0, existing],
        );
    });

    it("exports the role ARN to paste into the deployment settings", async () => {
        const { outputs } = await runProgram(config);
        assert.strictEqual(outputs.roleArn, `arn:aws:iam::${ACCOUNT}:role/collector-deploy`);
    });

    it("exports the token subjects the role accepts", async () => {
        const { outputs } = await runProgram(config);
        assert.deepStrictEqual(outputs.allowedSubjects, [
            "pulumi:deploy:org:acme:project:cloudfront-collector:stack:dev:operation:*:scope:write",
            "pulumi:deploy:org:acme:project:cloudfront-collector:stack:pr-*:operation:*:scope:write",
        ]);
    });
});
