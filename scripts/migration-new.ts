// Writes a new migration with the SQL that brings the existing migrations up to schema.prisma,
// using Prisma's schema engine (WASM) on PGlite: `npm run db:migration -- <name>`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { diffMigrationsToSchema } from "../src/server/db/schema-engine";
import { withoutUnmanagedIndexDrops } from "../src/server/db/unmanaged-indexes";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const root = process.cwd();
const sql = withoutUnmanagedIndexDrops(await diffMigrationsToSchema(root));
if (!sql) {
  console.log("schema.prisma and the migrations already agree; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql + ";\n");
console.log(`wrote ${dir}/migration.sql`);
