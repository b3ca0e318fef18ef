// Every test process: requests are not rate limited (a test file makes many requests with one
// key, and every in-process request comes from the same address); the rate-limit tests build
// their own limiters with the limits they test.
process.env.RATE_LIMIT_PER_MINUTE ??= "0";
process.env.RATE_LIMIT_ANONYMOUS_PER_MINUTE ??= "0";
