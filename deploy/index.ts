// The IAM side of deploying a collector with Pulumi Deployments: an OIDC identity provider for
// Pulumi Cloud's issuer and a role that only the collector's deployments can assume.
//
// Run it once per AWS account, with an administrator's credentials, from this folder
// (`pulumi -C deploy up`); paste the `roleArn` output into the collector stacks' deployment
// settings. See docs/deployments.md.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import { deploymentSubjects, permissionsPolicy, trustPolicy } from "./policies";
import { resolveSettings } from "./settings";

const config = new pulumi.Config();
const settings = resolveSettings(
    {
        pulumiOrganization: config.get("pulumiOrganization"),
        collectorProject: config.get("collectorProject"),
        collectorStacks: config.getObject<string[]>("collectorStacks"),
        existingOidcProviderArn: config.get("existingOidcProviderArn"),
        oidcIssuerUrl: config.get("oidcIssuerUrl"),
        maxSessionDurationSeconds: config.getNumber("maxSessionDurationSeconds"),
        bucketNamePrefix: config.get("bucketNamePrefix"),
        customDomain: config.getBoolean("customDomain"),
        hostedZoneIds: config.getObject<string[]>("hostedZoneIds"),
    },
    pulumi.getOrganization(),
);

// An account holds one OIDC provider per issuer URL, so a second one for the same issuer
// would fail to create: reuse the existing one when there is one.
const providerArn: pulumi.Output<string> = settings.existingOidcProviderArn
    ? pulumi.output(settings.existingOidcProviderArn)
    : new aws.iam.OpenIdConnectProvider("pulumi-cloud", {
          url: settings.oidcIssuerUrl,
          // The token's `aud` claim is the organization's name.
          clientIdLists: [settings.pulumiOrganization],
      }).arn;

const role = new aws.iam.Role("collector-deploy", {
    description: `Assumed by Pulumi Deployments of ${settings.pulumiOrganization}/${settings.collectorProject} to deploy the CloudFront collector`,
    maxSessionDuration: settings.maxSessionDurationSeconds,
    assumeRolePolicy: providerArn.apply((arn) =>
        JSON.stringify(
            trustPolicy({
                providerArn: arn,
                issuerUrl: settings.oidcIssuerUrl,
                organization: settings.pulumiOrganization,
                project: settings.collectorProject,
                stacks: settings.collectorStacks,
            }),
        ),
    ),
});

const caller = aws.getCallerIdentityOutput();
const partition = aws.getPartitionOutput();

new aws.iam.RolePolicy("collector-deploy", {
    role: role.id,
    policy: pulumi.all([caller.accountId, partition.partition]).apply(([accountId, partitionName]) =>
        JSON.stringify(
            permissionsPolicy({
                partition: partitionName,
                accountId,
                bucketNamePrefix: settings.bucketNamePrefix,
                customDomain: settings.customDomain,
                hostedZoneIds: settings.hostedZoneIds,
            }),
        ),
    ),
});

/** Paste into the stack's Settings > Deploy > OpenID Connect > AWS "Role ARN". */
export const roleArn = role.arn;
export const oidcProviderArn = providerArn;
/** The audience the provider and the trust policy expect: the Pulumi organization. */
export const oidcAudience = settings.pulumiOrganization;
/** The token subjects the trust policy accepts. */
export const allowedSubjects = deploymentSubjects({
    organization: settings.pulumiOrganization,
    project: settings.collectorProject,
    stacks: settings.collectorStacks,
});
