// Prisma's schema engine compiled to WASM, driven with PGlite databases, so migration
// diffs and drift checks work offline (the native engine cannot be downloaded here).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "@/server/db/pglite-extensions";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createRequire } from "node:module";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type SchemaEngineInstance = engineBindings.SchemaEngine;

let loaded: Promise<typeof engineBindings.SchemaEngine> | undefined;
/** The package imports its .wasm as an ES module (a bundler feature); instantiate it by hand for Node. */
function loadSchemaEngine() {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = join(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/schema_engine_bg\.js$/, ""), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": engineBindings as never });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return engineBindings.SchemaEngine;
  })();
  return loaded;
}

const newPglite = () => new PGlite({ extensions: pgliteExtensions });

/** Every database it hands out is a fresh in-memory PGlite with pgvector available. */
class PgliteWithVectorFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-with-vector";
  connect(): Promise<SqlDriverAdapter> {
    return new PrismaPGlite(newPglite()).connect();
  }
  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new PrismaPGlite(newPglite()).connect();
  }
}

export function readMigrationsList(root: string) {
  const dir = join(root, "prisma/migrations");
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(join(dir, "migration_lock.toml")) ? readFileSync(join(dir, "migration_lock.toml"), "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: readFileSync(join(dir, name, "migration.sql"), "utf8") } },
    })),
  };
}

/** SQL that turns the database the migrations build into the one schema.prisma describes (empty when they agree). */
export async function diffMigrationsToSchema(root: string): Promise<string> {
  return diffToSchema(root, { tag: "migrations", ...readMigrationsList(root) });
}

async function diffToSchema(root: string, from: object): Promise<string> {
  const schemaPath = join(root, "prisma/schema.prisma");
  const datamodel = readFileSync(schemaPath, "utf8");
  const SchemaEngine = await loadSchemaEngine();
  const engine: SchemaEngineInstance = await SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, () => {}, bindMigrationAwareSqlAdapterFactory(new PgliteWithVectorFactory()));
  try {
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: datamodel }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    } as never);
    return (result as { stdout?: string | null }).stdout ?? "";
  } finally {
    engine.free();
  }
}
