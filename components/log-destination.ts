import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { logRegionProblem } from "./regions";

/** Where CloudFront writes the access logs: a bucket the collector created, or an existing one. */
export interface LogDestination {
    bucketName: pulumi.Output<string>;
    /** The bucket's global domain, `<bucket>.s3.amazonaws.com`, as standard logging names it. */
    domainName: pulumi.Output<string>;
    /** What must exist before logging is turned on (CloudFront checks the bucket's ACL then). */
    readyForLogs: pulumi.Resource[];
}

/**
 * Logs to an existing bucket, changing nothing about it. The bucket is looked
 * up at deploy time, so that the distribution is only created once the bucket
 * is known to exist outside the opt-in regions.
 */
export function existingLogBucket(bucketName: string, parent: pulumi.Resource): LogDestination {
    const bucket = aws.s3.getBucketOutput({ bucket: bucketName }, { parent });
    const domainName = pulumi.all([bucket.region, bucket.bucketDomainName]).apply(([region, domain]) => {
        const problem = logRegionProblem(region);
        if (problem !== undefined) throw new Error(`logBucketName: bucket "${bucketName}" is in ${region}: ${problem}`);
        return domain;
    });
    return { bucketName: pulumi.output(bucketName), domainName, readyForLogs: [] };
}
