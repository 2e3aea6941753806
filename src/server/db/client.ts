// The app's database client, created lazily (next build imports route modules) and kept on
// globalThis (Turbopack may copy this module into several chunks).
import { env, dataDir } from "@/env";
import { readLock, embeddedUrl } from "./embedded-lock";
import { createPgPrismaClient, type Db } from "./prisma";

const holder = globalThis as unknown as { __promptuaryDb?: Db };

/** DATABASE_URL, or the embedded database this process (or its owner process) serves. */
export function resolveDatabaseUrl(): { url: string; embedded: boolean } {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false };
  if (env.PROMPTUARY_EMBEDDED_DATABASE_URL) return { url: env.PROMPTUARY_EMBEDDED_DATABASE_URL, embedded: true };
  const lock = readLock(dataDir());
  if (lock) return { url: embeddedUrl(lock.port), embedded: true };
  throw new Error("No database: set DATABASE_URL, or start Promptuary with `npm start` (it runs the embedded database).");
}

export function getDb(): Db {
  if (!holder.__promptuaryDb) {
    const { url, embedded } = resolveDatabaseUrl();
    // PGlite runs one query at a time; one pooled connection keeps transactions from interleaving.
    holder.__promptuaryDb = createPgPrismaClient(url, { max: embedded ? 1 : 10 });
  }
  return holder.__promptuaryDb;
}
