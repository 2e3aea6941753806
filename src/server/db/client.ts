// The app's database client, created lazily (next build imports route modules), one per process
// (process-singleton.ts: Turbopack may copy this module into several chunks).
import "server-only";
import { env, dataDir } from "@/env";
import { processSingleton } from "@/server/process-singleton";
import { readLock, embeddedUrl } from "./embedded-lock";
import { createPgPrismaClient, type Db } from "./prisma";

/** DATABASE_URL, or the embedded database this process (or its owner process) serves. */
export function resolveDatabaseUrl(): { url: string; embedded: boolean } {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false };
  if (env.PROMPTUARY_EMBEDDED_DATABASE_URL) return { url: env.PROMPTUARY_EMBEDDED_DATABASE_URL, embedded: true };
  const lock = readLock(dataDir());
  if (lock) return { url: embeddedUrl(lock.port), embedded: true };
  throw new Error("No database: set DATABASE_URL, or start Promptuary with `npm start` (it runs the embedded database).");
}

export function getDb(): Db {
  return processSingleton("db", () => {
    const { url, embedded } = resolveDatabaseUrl();
    // PGlite runs one query at a time; one pooled connection keeps transactions from interleaving.
    return createPgPrismaClient(url, { max: embedded ? 4 : 10 });
  });
}
