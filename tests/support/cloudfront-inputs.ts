// Plain-data shapes of the Pulumi inputs the edge stand-in is driven by.
// They are derived from @pulumi/aws's own argument types (types only: nothing
// from the provider is loaded at run time), so a fixture or a planned input
// that drifts from what the provider accepts fails `tsc --noEmit`.
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

type BucketObjectInputs = pulumi.Unwrap<aws.s3.BucketObjectv2Args>;

/**
 * One pixel object as registered with `aws.s3.BucketObjectv2`: the edge serves
 * `contentBase64`, decoded, at `/<key>`.
 */
export type PixelObjectInputs = Required<Pick<BucketObjectInputs, "key" | "contentBase64" | "contentType">> &
    Pick<BucketObjectInputs, "cacheControl">;

/** The inputs of an `aws.cloudfront.ResponseHeadersPolicy`, every `Input` resolved. */
export type ResponseHeadersPolicyInputs = pulumi.Unwrap<aws.cloudfront.ResponseHeadersPolicyArgs>;

/** The `corsConfig` block of a response headers policy. */
export type CorsConfigInputs = NonNullable<ResponseHeadersPolicyInputs["corsConfig"]>;

/** The `securityHeadersConfig` block of a response headers policy. */
export type SecurityHeadersInputs = NonNullable<ResponseHeadersPolicyInputs["securityHeadersConfig"]>;

/** One rule of an `aws.s3.BucketCorsConfiguration`, every `Input` resolved. */
export type S3CorsRuleInputs = pulumi.Unwrap<aws.s3.BucketCorsConfigurationArgs>["corsRules"][number];
