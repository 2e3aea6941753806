// One lock per owner over their captures' identity: capture identity, promotion and re-clustering
// all hold it, so no capture joins a detected prompt or a template while another of them moves it.
import "server-only";
import type { Tx } from "@/server/db/prisma";

/** Held until the transaction ends; the same key as identity's (identify-capture, detected-promotion). */
export async function lockOwnerCaptures(tx: Tx, ownerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('prompt-identity'), hashtext(${ownerId}))`;
}
