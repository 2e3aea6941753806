// The cheapest round trip to the database: whether it answers at all (outage detection).
import "server-only";
import type { Db } from "./prisma";

export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
