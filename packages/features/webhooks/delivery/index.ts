// Webhook delivery: safe outbound HTTP (SSRF-checked at connection time, bounded, no redirects).
export {
  ALLOW_HTTP_ENV,
  ALLOWED_PRIVATE_HOSTS_ENV,
  MAX_WEBHOOK_URL_LENGTH,
  checkAddress,
  checkSubscriberUrl,
  effectivePort,
  parseAllowedPrivateHosts,
  targetPolicyFromEnv,
} from "./target-policy";
export type { AllowedTarget, TargetPolicy, UrlCheck, UrlRule } from "./target-policy";
export { WEBHOOK_USER_AGENT, safePost } from "./safe-post";
export { checkSubscriberTarget } from "./resolve-check";
export type { PostOutcome, SafePostOptions, SafePostRequest } from "./safe-post";
