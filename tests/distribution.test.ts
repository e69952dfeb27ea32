import { strict as assert } from "node:assert";
import { build, T, useMockEngine } from "./support/harness";

type Behavior = Record<string, unknown>;
const behaviorOf = (d: { inputs: Record<string, unknown> }) => d.inputs.defaultCacheBehavior as Behavior;

describe("the distribution", () => {
    useMockEngine();

    describe("origin", () => {
        it("is the pixel bucket's regional domain, reached through origin access control", async () => {
            const built = await build();
            const [origin] = built.child(T.distribution, "distribution").inputs.origins as Record<string, unknown>[];
            const bucket = built.child(T.bucket, "pixel-bucket");
            assert.equal(origin.domainName, bucket.outputs.bucketRegionalDomainName);
            assert.equal(origin.originAccessControlId, built.child(T.originAccess, "origin-access").outputs.id);
            assert.equal(behaviorOf(built.child(T.distribution, "distribution")).targetOriginId, origin.originId);
        });

        it("has an ID, which the default cache behaviour targets", async () => {
            const built = await build();
            const [origin] = built.child(T.distribution, "distribution").inputs.origins as Record<string, unknown>[];
            assert.equal(origin.originId, "pixel-bucket");
            assert.equal(behaviorOf(built.child(T.distribution, "distribution")).targetOriginId, "pixel-bucket");
        });

        it("has no s3OriginConfig, which with origin access control makes a permanent diff", async () => {
            const built = await build();
            const [origin] = built.child(T.distribution, "distribution").inputs.origins as Record<string, unknown>[];
            assert.equal(origin.s3OriginConfig, undefined);
        });

        it("is signed with SigV4 on every request, for an S3 origin", async () => {
            const built = await build();
            const oac = built.child(T.originAccess, "origin-access").inputs;
            assert.deepEqual(
                [oac.originAccessControlOriginType, oac.signingBehavior, oac.signingProtocol],
                ["s3", "always", "sigv4"],
            );
            assert.equal(oac.name, undefined, "auto-named, so that two stacks in one account never clash");
        });
    });

    it("serves viewers in every country", async () => {
        const d = (await build()).child(T.distribution, "distribution").inputs;
        assert.deepEqual(d.restrictions, { geoRestriction: { restrictionType: "none" } });
    });

    describe("cache behaviour", () => {
        it("sends the pixel uncompressed: 43 bytes gain nothing from compression", async () => {
            assert.equal(behaviorOf((await build()).child(T.distribution, "distribution")).compress, false);
        });

        it("allows GET and HEAD, and OPTIONS for CORS preflights, and caches GET and HEAD only", async () => {
            const behavior = behaviorOf((await build()).child(T.distribution, "distribution"));
            assert.deepEqual(behavior.allowedMethods, ["GET", "HEAD", "OPTIONS"]);
            assert.deepEqual(behavior.cachedMethods, ["GET", "HEAD"]);
        });

        it("uses a cache policy, not forwardedValues", async () => {
            const built = await build();
            const behavior = behaviorOf(built.child(T.distribution, "distribution"));
            assert.equal(behavior.cachePolicyId, built.child(T.cachePolicy, "cache-policy").outputs.id);
            assert.equal(behavior.forwardedValues, undefined);
        });

        it("keys the cache on no query string, header or cookie", async () => {
            const policy = (await build()).child(T.cachePolicy, "cache-policy").inputs;
            assert.deepEqual(policy.parametersInCacheKeyAndForwardedToOrigin, {
                cookiesConfig: { cookieBehavior: "none" },
                headersConfig: { headerBehavior: "none" },
                queryStringsConfig: { queryStringBehavior: "none" },
                enableAcceptEncodingGzip: false,
                enableAcceptEncodingBrotli: false,
            });
        });

        it("keeps the pixel at the edge for a year, whatever its Cache-Control says", async () => {
            const policy = (await build()).child(T.cachePolicy, "cache-policy").inputs;
            assert.deepEqual([policy.minTtl, policy.defaultTtl, policy.maxTtl], [31536000, 31536000, 31536000]);
        });

        it("serves plain HTTP and HTTPS alike by default", async () => {
            assert.equal(
                behaviorOf((await build()).child(T.distribution, "distribution")).viewerProtocolPolicy,
                "allow-all",
            );
        });

        it("refuses plain HTTP with https-only", async () => {
            const built = await build({ viewerProtocolPolicy: "https-only" });
            assert.equal(behaviorOf(built.child(T.distribution, "distribution")).viewerProtocolPolicy, "https-only");
        });
    });

    describe("protocols and reach", () => {
        it("speaks HTTP/2 and HTTP/3 over IPv4 and IPv6", async () => {
            const d = (await build()).child(T.distribution, "distribution").inputs;
            assert.equal(d.httpVersion, "http2and3");
            assert.equal(d.isIpv6Enabled, true);
            assert.equal(d.enabled, true);
        });

        it("uses PriceClass_100 by default", async () => {
            assert.equal((await build()).child(T.distribution, "distribution").inputs.priceClass, "PriceClass_100");
        });

        it("uses the price class given", async () => {
            const built = await build({ priceClass: "PriceClass_All" });
            assert.equal(built.child(T.distribution, "distribution").inputs.priceClass, "PriceClass_All");
        });

        it("puts the web ACL given in front of the collector", async () => {
            const arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/bots/0a1b2c3d-0000-1111-2222-333344445555";
            const built = await build({ webAclArn: arn });
            assert.equal(built.child(T.distribution, "distribution").inputs.webAclId, arn);
        });

        it("has no web ACL by default", async () => {
            assert.equal((await build()).child(T.distribution, "distribution").inputs.webAclId, undefined);
        });

        it("is described by its comment, by default after the collector", async () => {
            const built = await build();
            assert.equal(
                built.child(T.distribution, "distribution").inputs.comment,
                `Snowplow collector ${built.name}`,
            );
            const custom = await build({ comment: "events for shop.example.com" });
            assert.equal(custom.child(T.distribution, "distribution").inputs.comment, "events for shop.example.com");
        });
    });

    describe("logging", () => {
        it("writes to the log bucket's global domain, <bucket>.s3.amazonaws.com", async () => {
            const built = await build();
            const logging = built.child(T.distribution, "distribution").inputs.loggingConfig as Record<string, unknown>;
            const bucket = built.child(T.bucket, "log-bucket").outputs;
            assert.equal(logging.bucket, `${bucket.bucket}.s3.amazonaws.com`);
            assert.equal(logging.bucket, bucket.bucketDomainName);
        });

        it("writes at the top of the bucket and without cookies by default", async () => {
            const logging = (await build()).child(T.distribution, "distribution").inputs.loggingConfig as Record<
                string,
                unknown
            >;
            assert.equal(logging.prefix, "");
            assert.equal(logging.includeCookies, false);
        });

        it("uses the log prefix as given, with or without a trailing slash", async () => {
            for (const prefix of ["cloudfront/", "raw-events", "collector/prod/"]) {
                const logging = (await build({ logPrefix: prefix })).child(T.distribution, "distribution").inputs
                    .loggingConfig as Record<string, unknown>;
                assert.equal(logging.prefix, prefix);
            }
        });

        it("logs cookies when includeCookies is true", async () => {
            const logging = (await build({ includeCookies: true })).child(T.distribution, "distribution").inputs
                .loggingConfig as Record<string, unknown>;
            assert.equal(logging.includeCookies, true);
        });
    });
});
