// A copy of a prompt's text from its page (the copy button tells the server after the clipboard
// took it). Only a version the caller may read, with a body they may read, can be copied: anything
// else is NOT_FOUND / FORBIDDEN as for prompt.render, so nobody can count copies of what they cannot see.
import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { findReadableVersionWithBody } from "../access/prompt-access";
import { idSchema } from "../ids";
import { recordUsage } from "./record-usage";
import { originFields, type UsageOrigin } from "./usage-origin";

export const trackCopyInput = z.object({ versionId: idSchema });

export async function trackCopy(db: DbOrTx, viewer: Viewer, input: z.output<typeof trackCopyInput>, usage?: UsageOrigin): Promise<{ recorded: true }> {
  const version = await findReadableVersionWithBody(db, viewer, input.versionId);
  recordUsage(db, { kind: "copy", promptId: version.promptId, versionId: version.id, ownerId: version.prompt.ownerId, ...originFields(usage, viewer?.id) });
  return { recorded: true };
}
