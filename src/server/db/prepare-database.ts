// Start-up for the server and the CLI: find or open the database, then apply pending migrations.
import pg from "pg";
import { dataDir, env } from "@/env";
import { openEmbeddedDatabase } from "./embedded";
import { migrate } from "./migrator";
import { redactUrl } from "./redact-url";
import { pgConnection } from "./sql-connection";

export type PreparedDatabase = { url: string; embedded: boolean; ownsEmbedded: boolean; applied: string[]; stop: () => Promise<void> };

export async function prepareDatabase(opts: { port?: number } = {}): Promise<PreparedDatabase> {
  const external = env.DATABASE_URL;
  const embedded = external ? undefined : await openEmbeddedDatabase(dataDir(), opts);
  const url = external ?? embedded!.url;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    await embedded?.stop();
    throw new Error(`Cannot connect to the database at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  try {
    const applied = await migrate(pgConnection(client));
    return { url, embedded: !external, ownsEmbedded: Boolean(embedded?.owned), applied, stop: () => embedded?.stop() ?? Promise.resolve() };
  } catch (error) {
    await embedded?.stop();
    throw error;
  } finally {
    await client.end();
  }
}

