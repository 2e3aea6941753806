// Dismissing takes an entry out of the inbox (its calls stay in Captures); restoring puts it back.
// A promoted entry is in the library and is neither.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { DetectedStatus } from "@/shared/captures/detected-statuses";
import type { Actor } from "../actor";
import { ConflictError, NotFoundError } from "../errors";

async function move(db: DbOrTx, actor: Actor, detectedPromptId: string, from: DetectedStatus, to: DetectedStatus) {
  const moved = await db.detectedPrompt.updateMany({ where: { id: detectedPromptId, ownerId: actor.id, status: from }, data: { status: to } });
  if (moved.count) return { id: detectedPromptId, status: to };
  const current = await db.detectedPrompt.findFirst({ where: { id: detectedPromptId, ownerId: actor.id }, select: { status: true } });
  if (!current) throw new NotFoundError("Detected prompt");
  // Asking twice is not an error: the entry is where it was asked to be.
  if (current.status === to) return { id: detectedPromptId, status: to };
  throw new ConflictError("detectedPromptId: this detected prompt is already in your library.", { detectedPromptId: ["is already promoted"] });
}

export const dismissDetected = (db: DbOrTx, actor: Actor, input: { detectedPromptId: string }) => move(db, actor, input.detectedPromptId, "detected", "dismissed");
export const restoreDetected = (db: DbOrTx, actor: Actor, input: { detectedPromptId: string }) => move(db, actor, input.detectedPromptId, "dismissed", "detected");
