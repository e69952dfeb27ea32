// Pure functions that build the deploy role's trust and permissions policies.
//
// Nothing here talks to AWS or to the Pulumi engine, so the tests can evaluate the exact
// documents the program registers with an offline IAM simulator.

/** The issuer of the OIDC tokens that Pulumi Deployments hands to each deployment. */
export const PULUMI_OIDC_ISSUER = "https://api.pulumi.com/oidc";

/** The default values of the program's settings, mirrored in `deploy/Pulumi.yaml`. */
export const DEFAULTS = {
    pulumiOrganization: "",
    collectorProject: "cloudfront-collector",
    collectorStacks: ["dev"],
    existingOidcProviderArn: "",
    oidcIssuerUrl: PULUMI_OIDC_ISSUER,
    maxSessionDurationSeconds: 3600,
    bucketNamePrefix: "collector-",
    customDomain: false,
    hostedZoneIds: [] as string[],
} as const;

/** Which Pulumi Deployments may assume the role. */
export interface DeploymentScope {
    /** The Pulumi organization: it is both the token's audience and the first part of its subject. */
    organization: string;
    /** The Pulumi project of the collector stacks. */
    project: string;
    /** Stack names, or IAM `StringLike` patterns (`*`, `?`) such as `pr-*` for review stacks. */
    stacks: string[];
}

export interface TrustPolicyArgs extends DeploymentScope {
    /** ARN of the IAM OIDC identity provider registered for the issuer. */
    providerArn: string;
    /** Issuer URL, `https://api.pulumi.com/oidc` unless Pulumi Cloud is self-hosted. */
    issuerUrl: string;
}

export interface PermissionsPolicyArgs {
    /** AWS partition of the account, `aws` outside China and GovCloud. */
    partition: string;
    /** The account that holds the collector, which is the account of the role. */
    accountId: string;
    /** First characters of every collector bucket's name, or `*` for any bucket. */
    bucketNamePrefix: string;
    /** Whether the collector serves an alternate domain name (ACM certificate, Route 53 records). */
    customDomain: boolean;
    /** Hosted zones whose records the role may change; empty means any zone of the account. */
    hostedZoneIds: string[];
}

export interface PolicyStatement {
    Sid: string;
    Effect: "Allow";
    Action: string | string[];
    Resource?: string | string[];
    Principal?: { Federated: string };
    Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

/**
 * The prefix of the condition keys IAM derives from an OIDC issuer: the URL without its
 * scheme, so `api.pulumi.com/oidc:aud` and `api.pulumi.com/oidc:sub` for Pulumi Cloud.
 */
export function conditionKeyPrefix(issuerUrl: string): string {
    return issuerUrl.replace(/^https:\/\//, "").replace(/\/+$/, "");
}

/**
 * The `sub` claims the role accepts, one per allowed stack. Pulumi writes the subject of a
 * deployment's token as `pulumi:deploy:org:<org>:project:<project>:stack:<stack>:operation:<op>:scope:write`;
 * every operation (preview, update, refresh, destroy) is allowed, since review stacks are
 * destroyed by a deployment too.
 */
export function deploymentSubjects(scope: DeploymentScope): string[] {
    return scope.stacks.map(
        (stack) =>
            `pulumi:deploy:org:${scope.organization}:project:${scope.project}:stack:${stack}:operation:*:scope:write`,
    );
}

/** A trust policy that lets only the given organization's deployments of the given stacks in. */
export function trustPolicy(args: TrustPolicyArgs): PolicyDocument {
    const keys = conditionKeyPrefix(args.issuerUrl);
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "PulumiDeploymentsOfTheCollector",
                Effect: "Allow",
                Principal: { Federated: args.providerArn },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: { [`${keys}:aud`]: args.organization },
                    StringLike: { [`${keys}:sub`]: deploymentSubjects(args) },
                },
            },
        ],
    };
}

// Every S3 action a collector's bucket needs. The reads are the ones the AWS provider makes
// when it refreshes a bucket, so a `pulumi refresh` works as well as an update.
const BUCKET_ACTIONS = [
    "s3:CreateBucket",
    "s3:DeleteBucket",
    "s3:ListBucket",
    "s3:ListBucketVersions",
    "s3:GetBucketLocation",
    "s3:GetBucketPublicAccessBlock",
    "s3:PutBucketPublicAccessBlock",
    "s3:GetBucketOwnershipControls",
    "s3:PutBucketOwnershipControls",
    // CloudFront standard logging updates the log bucket's ACL with the identity that creates
    // or updates the distribution: it needs both (CloudFront Developer Guide, "Permissions
    // required to configure standard logging").
    "s3:GetBucketAcl",
    "s3:PutBucketAcl",
    "s3:GetEncryptionConfiguration",
    "s3:PutEncryptionConfiguration",
    "s3:GetBucketVersioning",
    "s3:PutBucketVersioning",
    "s3:GetLifecycleConfiguration",
    "s3:PutLifecycleConfiguration",
    "s3:GetBucketPolicy",
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:GetBucketPolicyStatus",
    "s3:GetBucketTagging",
    "s3:PutBucketTagging",
    // The pixel bucket's CORS rule; S3 also checks PutBucketCORS to delete one.
    "s3:GetBucketCORS",
    "s3:PutBucketCORS",
    "s3:GetBucketWebsite",
    "s3:GetBucketLogging",
    "s3:GetBucketRequestPayment",
    "s3:GetAccelerateConfiguration",
    "s3:GetReplicationConfiguration",
    "s3:GetBucketObjectLockConfiguration",
];

const OBJECT_ACTIONS = [
    "s3:PutObject",
    "s3:GetObject",
    "s3:DeleteObject",
    "s3:GetObjectVersion",
    "s3:DeleteObjectVersion",
    "s3:GetObjectTagging",
    "s3:PutObjectTagging",
];

// CloudFront's create and list actions take no resource ARN in IAM, so they can only be
// granted on `*`; the actions on an existing resource are limited to this account's resources.
const CLOUDFRONT_CREATE_AND_LIST_ACTIONS = [
    "cloudfront:CreateDistribution",
    "cloudfront:ListDistributions",
    "cloudfront:CreateOriginAccessControl",
    "cloudfront:ListOriginAccessControls",
    "cloudfront:CreateCachePolicy",
    "cloudfront:ListCachePolicies",
    "cloudfront:CreateResponseHeadersPolicy",
    "cloudfront:ListResponseHeadersPolicies",
    "cloudfront:CreateFunction",
    "cloudfront:ListFunctions",
];

const CLOUDFRONT_RESOURCE_ACTIONS = [
    "cloudfront:GetDistribution",
    "cloudfront:GetDistributionConfig",
    "cloudfront:UpdateDistribution",
    "cloudfront:DeleteDistribution",
    "cloudfront:TagResource",
    "cloudfront:UntagResource",
    "cloudfront:ListTagsForResource",
    "cloudfront:GetOriginAccessControl",
    "cloudfront:GetOriginAccessControlConfig",
    "cloudfront:UpdateOriginAccessControl",
    "cloudfront:DeleteOriginAccessControl",
    "cloudfront:GetCachePolicy",
    "cloudfront:GetCachePolicyConfig",
    "cloudfront:UpdateCachePolicy",
    "cloudfront:DeleteCachePolicy",
    "cloudfront:GetResponseHeadersPolicy",
    "cloudfront:GetResponseHeadersPolicyConfig",
    "cloudfront:UpdateResponseHeadersPolicy",
    "cloudfront:DeleteResponseHeadersPolicy",
    "cloudfront:DescribeFunction",
    "cloudfront:GetFunction",
    "cloudfront:UpdateFunction",
    "cloudfront:PublishFunction",
    "cloudfront:DeleteFunction",
];

/**
 * What deploying a collector needs, and nothing for IAM, EC2 or any other service.
 *
 * Buckets are scoped by name prefix: Pulumi auto-names a bucket from its resource name plus a
 * hyphen and random characters, so the component's children (named from the component's name)
 * share the prefix of that name in every stack, review stacks included. CloudFront functions
 * are auto-named the same way and share the prefix; the other CloudFront resources have
 * generated ids and are scoped to the account.
 */
export function permissionsPolicy(args: PermissionsPolicyArgs): PolicyDocument {
    const { partition, accountId } = args;
    const buckets = `arn:${partition}:s3:::${namePattern(args.bucketNamePrefix)}`;
    const cloudfront = (type: string, id = "*") => `arn:${partition}:cloudfront::${accountId}:${type}/${id}`;
    const statements: PolicyStatement[] = [
        {
            Sid: "ReadTheCallerIdentity",
            Effect: "Allow",
            Action: "sts:GetCallerIdentity",
            Resource: "*",
        },
        {
            // The log bucket's ACL names its owner by canonical user id, which
            // the AWS provider reads from S3's ListBuckets answer: a list of
            // names only, and it has no resource to scope to.
            Sid: "ReadTheAccountsCanonicalUserId",
            Effect: "Allow",
            Action: "s3:ListAllMyBuckets",
            Resource: "*",
        },
        {
            Sid: "ManageCollectorBuckets",
            Effect: "Allow",
            Action: BUCKET_ACTIONS,
            Resource: buckets,
        },
        {
            Sid: "ManageCollectorObjects",
            Effect: "Allow",
            Action: OBJECT_ACTIONS,
            Resource: `${buckets}/*`,
        },
        {
            Sid: "CreateAndListCloudFrontResources",
            Effect: "Allow",
            Action: CLOUDFRONT_CREATE_AND_LIST_ACTIONS,
            Resource: "*",
        },
        {
            Sid: "ManageCloudFrontResourcesOfThisAccount",
            Effect: "Allow",
            Action: CLOUDFRONT_RESOURCE_ACTIONS,
            Resource: [
                cloudfront("distribution"),
                cloudfront("origin-access-control"),
                cloudfront("cache-policy"),
                cloudfront("response-headers-policy"),
                cloudfront("function", namePattern(args.bucketNamePrefix)),
            ],
        },
    ];
    if (args.customDomain) {
        statements.push(...customDomainStatements(args));
    }
    return { Version: "2012-10-17", Statement: statements };
}

const READ_ONLY_ACTION = /^[a-z0-9-]+:(Get|List|Describe)/;

/**
 * The read-only half of {@link permissionsPolicy}: what `pulumi preview` needs to read the
 * collector's resources, for a role that runs code nobody has reviewed yet (a pull request's).
 */
export function previewPermissionsPolicy(args: PermissionsPolicyArgs): PolicyDocument {
    const statements = permissionsPolicy(args).Statement.flatMap((statement) => {
        const actions = [statement.Action].flat().filter((action) => READ_ONLY_ACTION.test(action));
        return actions.length === 0 ? [] : [{ ...statement, Sid: `${statement.Sid}ReadOnly`, Action: actions }];
    });
    return { Version: "2012-10-17", Statement: statements };
}

// A prefix of `*` already matches every name; any other prefix gets the wildcard appended.
function namePattern(prefix: string): string {
    return prefix.endsWith("*") ? prefix : `${prefix}*`;
}

// CloudFront accepts only certificates from us-east-1, whatever the stack's region; the
// condition keeps the role from requesting certificates anywhere else.
function customDomainStatements(args: PermissionsPolicyArgs): PolicyStatement[] {
    const { partition, accountId } = args;
    const zones =
        args.hostedZoneIds.length === 0
            ? `arn:${partition}:route53:::hostedzone/*`
            : args.hostedZoneIds.map((id) => `arn:${partition}:route53:::hostedzone/${id}`);
    return [
        {
            Sid: "RequestCertificatesInUsEast1",
            Effect: "Allow",
            Action: ["acm:RequestCertificate", "acm:ListCertificates"],
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } },
        },
        {
            Sid: "ManageCertificatesInUsEast1",
            Effect: "Allow",
            Action: [
                "acm:DescribeCertificate",
                "acm:DeleteCertificate",
                "acm:ListTagsForCertificate",
                "acm:AddTagsToCertificate",
                "acm:RemoveTagsFromCertificate",
            ],
            Resource: `arn:${partition}:acm:us-east-1:${accountId}:certificate/*`,
        },
        {
            Sid: "ManageCollectorDnsRecords",
            Effect: "Allow",
            Action: ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:GetHostedZone"],
            Resource: zones,
        },
        {
            Sid: "FollowDnsChanges",
            Effect: "Allow",
            Action: "route53:GetChange",
            Resource: `arn:${partition}:route53:::change/*`,
        },
        {
            Sid: "FindHostedZones",
            Effect: "Allow",
            Action: ["route53:ListHostedZones", "route53:ListHostedZonesByName"],
            Resource: "*",
        },
    ];
}
