// Incremental joining: does a captured prompt text fit one of the owner's induced templates (its
// shell with the variables filled in)? Then the capture joins that template with its values,
// without re-clustering. Shells with too little constant text are not tried (they fit anything).
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { constantLength, matchRendered } from "@/shared/prompts/match-rendered";

/** Constant characters (whitespace aside) a shell needs before a text fitting it counts. */
export const MIN_SHELL_CONSTANT = 20;

export type TemplateFit = {
  templateId: string;
  values: Record<string, string>;
  /** The library prompt the template was promoted to: the capture is a use of it. */
  promotedPromptId: string | null;
  /** The Detected inbox entry the template's captures belong to. */
  detectedPromptId: string | null;
};

/** The owner's template `text` fits (the one with the most constant text when several do), or null. */
export async function fitTemplate(db: DbOrTx, ownerId: string, text: string): Promise<TemplateFit | null> {
  const templates = await db.promptTemplate.findMany({
    where: { ownerId },
    select: { id: true, shell: true, promotedPromptId: true, detected: { select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const ranked = templates.map((t) => ({ ...t, constant: constantLength(t.shell) })).filter((t) => t.constant >= MIN_SHELL_CONSTANT);
  ranked.sort((a, b) => b.constant - a.constant);
  for (const t of ranked) {
    const match = matchRendered(t.shell, text);
    if (match) return { templateId: t.id, values: match.values, promotedPromptId: t.promotedPromptId, detectedPromptId: t.detected[0]?.id ?? null };
  }
  return null;
}
