// `prisma generate` never runs the schema engine, but Prisma 7's CLI tries to download it
// first, which fails offline. Pointing PRISMA_SCHEMA_ENGINE_BINARY at a stub skips that.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const stubDir = join(tmpdir(), "promptuary-prisma-stub");
const stub = join(stubDir, "schema-engine");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine unavailable offline' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
