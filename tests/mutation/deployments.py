# Hand-made mutations of the deploy role program and the workflow: each one removes or breaks
# one behaviour, and the test named by its last field must then fail. Run from anywhere:
#   python3 tests/mutation/deployments.py
# It edits one file at a time and always restores it.
import json, subprocess, sys, os
ROOT=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
M=[
 # (file, old, new, substring expected among failing test titles)
 ('deploy/policies.ts','StringEquals: { [`${keys}:aud`]: args.organization },\n','', 'another audience'),
 ('deploy/policies.ts','StringEquals: { [`${keys}:aud`]: args.organization },\n','', 'without an audience'),
 ('deploy/policies.ts','`pulumi:deploy:org:${scope.organization}:project:${scope.project}:stack:${stack}:operation:*:scope:write`','`pulumi:deploy:org:${scope.organization}:*`', 'another project of the organization'),
 ('deploy/policies.ts','`pulumi:deploy:org:${scope.organization}:project:${scope.project}:stack:${stack}:operation:*:scope:write`','`pulumi:deploy:org:${scope.organization}:project:${scope.project}:*`', 'not configured'),
 ('deploy/policies.ts','`pulumi:deploy:org:${scope.organization}:project:${scope.project}:stack:${stack}:operation:*:scope:write`','`pulumi:deploy:org:${scope.organization}:project:${scope.project}*:stack:${stack}:operation:*:scope:write`', 'merely starts with'),
 ('deploy/policies.ts','`pulumi:deploy:org:${scope.organization}:project:${scope.project}:stack:${stack}:operation:*:scope:write`','`pulumi:deploy:org:*:project:${scope.project}:stack:${stack}:operation:*:scope:write`', 'subject names another organization'),
 ('deploy/policies.ts','`pulumi:deploy:org:${scope.organization}:project:${scope.project}:stack:${stack}:operation:*:scope:write`','`pulumi:deploy:org:${scope.organization}:project:${scope.project}:stack:${stack}:operation:update:scope:write`', 'a destroy deployment'),
 ('deploy/policies.ts','Principal: { Federated: args.providerArn },','Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },', 'lets an update deployment'),
 ('deploy/policies.ts','                    StringLike: { [`${keys}:sub`]: deploymentSubjects(args) },\n                },\n            },\n','                    StringLike: { [`${keys}:sub`]: deploymentSubjects(args) },\n                },\n            },\n            { Sid: "Account", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" } as any, Action: "sts:AssumeRole" },\n', 'administrator of the same account'),
 ('deploy/policies.ts','return issuerUrl.replace(/^https:\\/\\//, "").replace(/\\/+$/, "");','return issuerUrl.replace(/^https:\\/\\//, "");', 'self-hosted issuer'),
 ('deploy/policies.ts','    "s3:PutBucketAcl",\n','', 'write the log bucket'),
 ('deploy/policies.ts','    "s3:GetBucketAcl",\n','', "read the log bucket's ACL"),
 ('deploy/policies.ts','const buckets = `arn:${partition}:s3:::${namePattern(args.bucketNamePrefix)}`;','const buckets = `arn:${partition}:s3:::*`;', 'does not start with the configured prefix'),
 ('deploy/policies.ts','const buckets = `arn:${partition}:s3:::${namePattern(args.bucketNamePrefix)}`;','const buckets = `arn:${partition}:s3:::*`;', 'objects of buckets whose name'),
 ('deploy/policies.ts','const cloudfront = (type: string, id = "*") => `arn:${partition}:cloudfront::${accountId}:${type}/${id}`;','const cloudfront = (type: string, id = "*") => `arn:${partition}:cloudfront::*:${type}/${id}`;', 'distribution of another account'),
 ('deploy/policies.ts','cloudfront("function", namePattern(args.bucketNamePrefix)),','cloudfront("function"),', 'CloudFront functions whose name'),
 ('deploy/policies.ts','    if (args.customDomain) {\n','    if (true) {\n', 'acm:RequestCertificate on * when the collector has no custom domain'),
 ('deploy/policies.ts','    if (args.customDomain) {\n','    if (true) {\n', 'route53:ChangeResourceRecordSets on arn:aws:route53:::hostedzone/Z0123456789ABC when'),
 ('deploy/policies.ts','    if (args.customDomain) {\n','    if (false) {\n', 'requesting a certificate in us-east-1'),
 ('deploy/policies.ts','            Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } },\n','', 'outside us-east-1'),
 ('deploy/policies.ts','args.hostedZoneIds.length === 0','true', 'any other zone'),
 ('deploy/policies.ts','    "cloudfront:PublishFunction",\n','', 'cloudfront:PublishFunction'),
 ('deploy/policies.ts','    "cloudfront:CreateDistribution",\n','', 'cloudfront:CreateDistribution'),
 ('deploy/policies.ts','    "cloudfront:ListFunctions",\n','    "cloudfront:ListFunctions",\n    "ec2:RunInstances",\n    "iam:CreateUser",\n', 'ec2:RunInstances'),
 ('deploy/policies.ts','    "cloudfront:ListFunctions",\n','    "cloudfront:ListFunctions",\n    "ec2:RunInstances",\n    "iam:CreateUser",\n', 'iam:CreateUser'),
 ('deploy/policies.ts','    "s3:GetBucketObjectLockConfiguration",\n','    "s3:GetBucketObjectLockConfiguration",\n    "s3:PutBucketWebsite",\n', 's3:PutBucketWebsite'),
 ('deploy/policies.ts','            Action: BUCKET_ACTIONS,','            Action: [...BUCKET_ACTIONS, ...Array.from({ length: 1000 }, (_, i) => `s3:Get${i}`)],', "10,240"),
 ('deploy/policies.ts','const READ_ONLY_ACTION = /^[a-z0-9-]+:(Get|List|Describe)/;','const READ_ONLY_ACTION = /^[a-z0-9-]+:/;','refuses cloudfront:UpdateDistribution'),
 ('deploy/policies.ts','const READ_ONLY_ACTION = /^[a-z0-9-]+:(Get|List|Describe)/;','const READ_ONLY_ACTION = /^[a-z0-9-]+:(List|Describe)/;','preview role permissions policy allows s3:GetBucketAcl'),
 ('deploy/settings.ts','raw.pulumiOrganization || DEFAULTS.pulumiOrganization || stackOrganization','raw.pulumiOrganization || DEFAULTS.pulumiOrganization','organization of the stack'),
 ('deploy/settings.ts','    if (!Number.isInteger(seconds) || seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {','    if (false) {','every invalid setting'),
 ('deploy/settings.ts','    if (s.hostedZoneIds.length > 0 && !s.customDomain) {','    if (false) {','every invalid setting'),
 ('deploy/settings.ts','    if (s.collectorStacks.length === 0) {','    if (false) {','empty list of stacks'),
 ('deploy/settings.ts','const NAME = /^[A-Za-z0-9_.-]+$/;','const NAME = /^.+$/;','every invalid setting'),
 ('deploy/policies.ts','    maxSessionDurationSeconds: 3600,','    maxSessionDurationSeconds: 7200,','same defaults'),
 ('deploy/policies.ts','    collectorStacks: ["dev"],','    collectorStacks: ["dev", "prod"],','defaults to the dev stack'),
 ('deploy/index.ts','          clientIdLists: [settings.pulumiOrganization],','          clientIdLists: [],','registers an OIDC provider'),
 ('deploy/index.ts','const providerArn: pulumi.Output<string> = settings.existingOidcProviderArn','const providerArn: pulumi.Output<string> = false','existing OIDC provider'),
 ('deploy/index.ts','    maxSessionDuration: settings.maxSessionDurationSeconds,\n','','maximum session duration'),
 ('deploy/index.ts','                customDomain: settings.customDomain,','                customDomain: true,','attaches the collector'),
 ('deploy/index.ts','                stacks: settings.collectorStacks,\n            }),','                stacks: ["*"],\n            }),','trust policy admits the configured'),
 ('deploy/index.ts','export const roleArn = role.arn;','export const roleArn = providerArn;','exports the role ARN'),
 ('.github/workflows/collector.yml','  push:\n    branches: [main]\n','  push:\n    branches: [main]\n  workflow_dispatch:\n','runs on pull requests to main'),
 ('.github/workflows/collector.yml','permissions: {}\n','permissions: write-all\n','grants no permissions'),
 ('.github/workflows/collector.yml','      pull-requests: write\n','','comments the preview'),
 ('.github/workflows/collector.yml','          comment-on-pr: true\n','','comments the preview'),
 ('.github/workflows/collector.yml','    permissions:\n      contents: read\n      id-token: write\n      pull-requests: write\n','    permissions:\n      contents: read\n      pull-requests: write\n','lets the preview job request'),
 ('.github/workflows/collector.yml','    permissions:\n      contents: read\n      id-token: write\n    steps:','    permissions:\n      contents: read\n    steps:','lets the up job request'),
 ('.github/workflows/collector.yml',"    if: github.event_name == 'push' && github.ref == 'refs/heads/main'\n","",'only on a push to main'),
 ('.github/workflows/collector.yml',"      github.event_name == 'pull_request' &&\n      github.event.pull_request.head.repo.full_name == github.repository\n","      github.event_name == 'pull_request'\n",'only for pull requests from this repository'),
 ('.github/workflows/collector.yml','  up:\n    name: pulumi up\n    needs: test\n','  up:\n    name: pulumi up\n','only after the tests pass'),
 ('.github/workflows/collector.yml','      - run: npm test\n','','npm ci and then npm test'),
 ('.github/workflows/collector.yml','          node-version: 20\n          cache: npm\n      - run: npm ci\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}','          node-version: 18\n          cache: npm\n      - run: npm ci\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}','Node 20 and installs with npm ci before up'),
 ('.github/workflows/collector.yml','          role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}','          role-to-assume: ${{ vars.AWS_PREVIEW_ROLE_ARN }}','read-only role'),
 ('.github/workflows/collector.yml','      - uses: pulumi/actions@v6\n        with:\n          command: up','      - uses: pulumi/actions@main\n        with:\n          command: up','pins every action'),
 ('.github/workflows/collector.yml','          command: up\n          stack-name: ${{ env.PULUMI_STACK }}\n        env:\n          PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n','          command: up\n          stack-name: ${{ env.PULUMI_STACK }}\n','PULUMI_ACCESS_TOKEN from the repository secrets to up'),
 ('.github/workflows/collector.yml','          command: up\n          stack-name: ${{ env.PULUMI_STACK }}','          command: up\n          stack-name: acme/prod','same stack'),
]
env=dict(os.environ, TS_NODE_PROJECT='deploy/tsconfig.json', TS_NODE_TRANSPILE_ONLY='1')
ok=0; bad=[]
for i,(f,old,new,expect) in enumerate(M):
    p=os.path.join(ROOT,f); orig=open(p).read()
    if orig.count(old)<1:
        bad.append((i,'PATTERN NOT FOUND',f,old[:60])); continue
    open(p,'w').write(orig.replace(old,new,1))
    try:
        r=subprocess.run(['npx','mocha','--require','ts-node/register','--extension','ts','--reporter','json','tests/deploy-role.test.ts','tests/workflow.test.ts'],cwd=ROOT,env=env,capture_output=True,text=True,timeout=120)
        try:
            j=json.loads(r.stdout[r.stdout.index('{'):])
            fails=[t['fullTitle'] for t in j['failures']]
        except Exception as e:
            fails=['<no json> '+r.stderr[-300:]]
    finally:
        open(p,'w').write(orig)
    hit=any(expect in t for t in fails)
    print(f"{i:2d} {'KILLED' if hit else 'SURVIVED'} [{expect}] failing={len(fails)}", flush=True)
    if not hit: bad.append((i,expect,fails[:5]))
    else: ok+=1
print('killed',ok,'of',len(M)); print(json.dumps(bad,indent=1))
sys.exit(1 if bad else 0)
