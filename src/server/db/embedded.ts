// The embedded PostgreSQL: PGlite (WASM) with pgvector, persisted under DATA_DIR and served on a
// loopback socket so every client (the app's Prisma, the CLI, psql) goes through one owner.
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "@/server/db/pglite-extensions";
import { acquireLock, embeddedUrl, readLock, releaseLock, updateLockPort } from "./embedded-lock";
import { findLiveOwner } from "./embedded-owner";
import { EmbeddedSocketServer } from "./embedded-socket-server";

export type EmbeddedDatabase = { url: string; owned: boolean; stop: () => Promise<void> };

/**
 * Connects to the embedded database: if another live process owns it, returns that owner's URL;
 * otherwise opens the directory, serves it on 127.0.0.1 and holds the lock until stop().
 */
export async function openEmbeddedDatabase(dataDir: string, opts: { port?: number; waitForOwnerMs?: number } = {}): Promise<EmbeddedDatabase> {
  const existing = await findLiveOwner(dataDir, { waitMs: opts.waitForOwnerMs });
  if (existing && existing.pid !== process.pid) {
    return { url: embeddedUrl(existing.port), owned: false, stop: async () => {} };
  }
  if (!acquireLock(dataDir, 0)) {
    const owner = readLock(dataDir);
    if (owner) return { url: embeddedUrl(owner.port), owned: false, stop: async () => {} };
    throw new Error(`Could not lock the embedded database under ${dataDir}`);
  }
  try {
    const db = await PGlite.create({ dataDir: join(dataDir, "pglite"), extensions: pgliteExtensions });
    // Several connections may be open (the server's processes, the CLI, psql); they take turns.
    const server = new EmbeddedSocketServer(db, { host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 64 });
    const port = await server.start();
    updateLockPort(dataDir, port);
    let stopped = false;
    return {
      url: embeddedUrl(port),
      owned: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        releaseLock(dataDir);
      },
    };
  } catch (error) {
    releaseLock(dataDir);
    throw error;
  }
}
