/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  output: process.env.NEXT_OUTPUT_STANDALONE === "1" ? "standalone" : undefined,
  transpilePackages: ["@slotbase/features", "@slotbase/prisma", "@slotbase/scheduling"],
  // Native/WASM database drivers must stay plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "@prisma/client"],
  typescript: { tsconfigPath: "tsconfig.build.json" },
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/", destination: "/api" },
        { source: "/docs", destination: "/api/docs" },
        { source: "/openapi.json", destination: "/api/openapi" },
        { source: "/v1/:path*", destination: "/api/v1/:path*" },
        { source: "/v2/:path*", destination: "/api/v2/:path*" },
      ],
    };
  },
};

export default nextConfig;
