// Builds Prisma clients over driver adapters. Secret columns are omitted by default;
// code that needs them asks with `omit: { passwordHash: false }`.
import "server-only";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

const omitSecrets = { user: { passwordHash: true }, apiKey: { hash: true } } as const;

export function createPrismaClient(adapter: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter, omit: omitSecrets });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client handed to `$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Domain functions accept either the client or a transaction. */
export type DbOrTx = Db | Tx;

export function createPgPrismaClient(connectionString: string, opts: { max?: number } = {}) {
  return createPrismaClient(new PrismaPg({ connectionString, max: opts.max ?? 10 }) as unknown as SqlDriverAdapterFactory);
}
