/**
 * cloudfront-collector: a Snowplow CloudFront collector on AWS as a Pulumi component.
 */
export { CloudfrontCollector } from "./collector";
export { CloudfrontCollectorArgs, LogTransition } from "./args";
export { ArgumentProblem, CollectorArgumentsError } from "./problems";
export { PRICE_CLASSES, VIEWER_PROTOCOL_POLICIES } from "./settings";
