/**
 * Why `name` is not a valid S3 general purpose bucket name, or `undefined` if
 * it is. The rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html.
 */
export function bucketNameProblem(name: string): string | undefined {
    const rules =
        "a bucket name of 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit";
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) return rules;
    if (name.includes("..")) return `${rules}, without two dots in a row`;
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return `${rules}, not shaped like an IP address`;
    const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
    if (prefix !== undefined) return `${rules}, not starting with the reserved prefix ${prefix}`;
    const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
    if (suffix !== undefined) return `${rules}, not ending with the reserved suffix ${suffix}`;
    return undefined;
}

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];
