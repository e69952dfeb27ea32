// Prints a permissions policy of the deploy role as JSON, for roles made outside `deploy/`
// (the GitHub Actions roles of docs/github-actions.md):
//
//   npm run --silent print-policy -- deploy  <account id> [bucket name prefix] [--custom-domain]
//   npm run --silent print-policy -- preview <account id> [bucket name prefix] [--custom-domain]

import { DEFAULTS, permissionsPolicy, previewPermissionsPolicy } from "./policies";

const args = process.argv.slice(2).filter((a) => a !== "--custom-domain");
const [kind, accountId, bucketNamePrefix = DEFAULTS.bucketNamePrefix] = args;
const build = { deploy: permissionsPolicy, preview: previewPermissionsPolicy }[kind ?? ""];

if (build === undefined || !/^\d{12}$/.test(accountId ?? "")) {
    console.error("usage: print-policy deploy|preview <12-digit account id> [bucket name prefix] [--custom-domain]");
    process.exit(2);
}

const policy = build({
    partition: "aws",
    accountId,
    bucketNamePrefix,
    customDomain: process.argv.includes("--custom-domain"),
    hostedZoneIds: [],
});
console.log(JSON.stringify(policy, null, 2));
