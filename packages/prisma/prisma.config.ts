import { defineConfig } from "prisma/config";

// Prisma 7 keeps the connection out of schema.prisma. The CLI only needs it for
// `migrate deploy` where its engine can be downloaded; our own migrator does not use it.
export default defineConfig({
  schema: "./schema.prisma",
  migrations: { path: "./migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/slotbase" },
});
