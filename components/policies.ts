/**
 * The S3 bucket policies of a collector, as plain IAM policy documents, so that
 * they can be read, tested and evaluated apart from any resource.
 */

/** An IAM policy document. */
export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

export interface PolicyStatement {
    Sid: string;
    Effect: "Allow" | "Deny";
    Principal: "*" | { Service: string } | { AWS: string };
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string>>;
}

/** The service principal that CloudFront uses to sign origin requests under origin access control. */
export const CLOUDFRONT_SERVICE_PRINCIPAL = "cloudfront.amazonaws.com";

/**
 * Denies every request to the bucket that is not made over TLS, whoever makes
 * it. The same statement protects both buckets.
 */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
    return {
        Sid: "DenyRequestsWithoutTls",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

/**
 * The pixel bucket's TLS rule: like {@link denyInsecureTransport}, but not for
 * the distribution `distributionArn`. CloudFront asks an S3 origin with the
 * protocol the viewer used, and no setting changes that
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/HTTPandHTTPSRequests.html):
 * under `allow-all`, a plain-HTTP tracker request that misses the edge cache
 * reaches S3 over HTTP, and denying it would answer 403, cache that error and
 * refuse every preflight from an http:// page. A request without this source
 * ARN (anyone else's) lacks the key, so the negated condition holds for it.
 */
export function denyInsecureTransportExceptFrom(bucketArn: string, distributionArn: string): PolicyStatement {
    const statement = denyInsecureTransport(bucketArn);
    return {
        ...statement,
        Condition: { ...statement.Condition, StringNotEquals: { "AWS:SourceArn": distributionArn } },
    };
}

/**
 * The pixel bucket's policy: CloudFront may read objects, and only on behalf of
 * the one distribution `distributionArn` (origin access control signs each
 * origin request; see
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html).
 * Nothing else is allowed: the bucket grants no other access and blocks public access.
 */
export function pixelBucketPolicy(bucketArn: string, distributionArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowThisDistributionToReadThePixel",
                Effect: "Allow",
                Principal: { Service: CLOUDFRONT_SERVICE_PRINCIPAL },
                Action: "s3:GetObject",
                Resource: `${bucketArn}/*`,
                Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
            },
            denyInsecureTransportExceptFrom(bucketArn, distributionArn),
        ],
    };
}

/**
 * The log bucket's policy. CloudFront's log delivery writes through the
 * bucket's ACL, not through this policy, so the policy only denies requests
 * without TLS. It must not deny uploads that lack an encryption header: log
 * delivery sends none, and such a rule would stop the logs.
 */
export function logBucketPolicy(bucketArn: string): PolicyDocument {
    return { Version: "2012-10-17", Statement: [denyInsecureTransport(bucketArn)] };
}
