/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  skipTrailingSlashRedirect: true,
  output: process.env.NEXT_OUTPUT_STANDALONE === "1" ? "standalone" : undefined,
  transpilePackages: ["@slotbase/features", "@slotbase/prisma", "@slotbase/scheduling"],
  // Native/WASM database drivers (and undici, whose HTTP parser is WASM) stay plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "@prisma/client", "undici"],
  typescript: { tsconfigPath: "tsconfig.build.json" },
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/", destination: "/api" },
        { source: "/docs", destination: "/api/docs" },
        { source: "/openapi.json", destination: "/api/openapi" },
        { source: "/health", destination: "/api/health" },
        { source: "/health/ready", destination: "/api/health/ready" },
        { source: "/cron/deliver", destination: "/api/cron/deliver" },
        { source: "/v1/:path*", destination: "/api/v1/:path*" },
        { source: "/v2/:path*", destination: "/api/v2/:path*" },
        // Next's built-in pages (the HTML 404 and error pages) are not part of this API.
        { source: "/:page(404|500|_error|_app|_document)", destination: "/api/:page" },
      ],
      // Checked only after every page, public file and dynamic route has failed to match.
      // Unversioned paths are v1, as Cal.com's own rewrites made them (n8n's older Cal Trigger
      // calls GET /event-types?apiKey=… on the bare host): /event-types serves /v1/event-types.
      // Seed 001's calendar-events and customer-accounts are not Cal.com's and keep their /v1
      // (or /api/v1) prefix. Whatever no route serves (`/nope`) lands on the unknown-path
      // catch-all, pages/api/[...path].ts, which answers a JSON 404 in the error shape (paths
      // under /api, /v1 and /v2 reach it directly, as the most general dynamic route). The
      // handler still sees the URL the client asked for in req.url.
      fallback: [
        // Cal.com's first API called webhooks "hooks" (n8n's Cal Trigger, "Before v2.0"): the same v1 webhooks.
        { source: "/hooks", destination: "/api/v1/webhooks" },
        { source: "/hooks/:id", destination: "/api/v1/webhooks/:id" },
        { source: "/:path((?!calendar-events(?:/|$)|customer-accounts(?:/|$)).+)", destination: "/api/v1/:path" },
        { source: "/:path*", destination: "/api/:path*" },
      ],
    };
  },
};

export default nextConfig;
