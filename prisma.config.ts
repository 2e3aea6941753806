import { defineConfig } from "prisma/config";

// The datasource URL is only needed by `prisma migrate status/deploy` on a connected machine;
// the app itself connects through driver adapters (src/server/db/client.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
