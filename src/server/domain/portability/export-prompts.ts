// Export of a person's own prompts as JSONL (prompt-record.ts): one prompt per line with every
// version, its labels (with splits), tags and lineage by slug and version number. Personal prompts
// only: an organisation's prompts belong to the organisation. Streamed a page of prompts at a time,
// in a stable order (creation, then id), so the same library always gives the same bytes. A fork
// names its source only when the owner may read it (as forkSourceFor decides on the prompt page).
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { PromptVariable } from "@/shared/prompts/variables";
import type { Actor } from "../actor";
import { canReadPrompt } from "../access/prompt-access";
import { RECORD_FORMAT } from "./prompt-record";

const PAGE = 50;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Yields one JSONL line (with its newline) per prompt the user owns personally, archived ones included. */
export async function* exportPromptLines(db: DbOrTx, owner: Actor): AsyncGenerator<string> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof readPage>> = await readPage(db, owner.id, after);
    for (const p of page) {
      const numberOf = new Map(p.versions.map((v) => [v.id, v.number]));
      const source = p.forkedFromVersion && canReadPrompt(p.forkedFromVersion.prompt, owner) ? p.forkedFromVersion : null;
      const record = {
        promptuary: RECORD_FORMAT,
        // Whose library the line came from: an import without --owner goes back to that handle.
        owner: owner.handle,
        slug: p.slug,
        title: p.title,
        description: p.description,
        category: p.category,
        tags: p.tags,
        visibility: p.visibility,
        archivedAt: iso(p.archivedAt),
        createdAt: iso(p.createdAt),
        forkedFrom: source ? { slug: source.prompt.slug, version: source.number } : null,
        versions: p.versions.map((v) => ({
          number: v.number,
          body: v.body,
          variables: v.variables as PromptVariable[],
          modelSettings: v.modelSettings as Record<string, unknown>,
          changelog: v.changelog,
          status: v.status,
          createdAt: iso(v.createdAt),
          decidedAt: iso(v.decidedAt),
          deprecatedAt: iso(v.deprecatedAt),
          deprecationNote: v.deprecationNote,
          replacedBy: v.replacedById ? (numberOf.get(v.replacedById) ?? null) : null,
        })),
        labels: p.labels.map((l) => ({
          name: l.name,
          version: l.version.number,
          splitVersion: l.splitVersion?.number ?? null,
          splitPercent: l.splitVersion ? l.splitPercent : 0,
        })),
      };
      yield `${JSON.stringify(record)}\n`;
    }
    if (page.length < PAGE) return;
    const last = page[page.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** The whole export as one string (the CLI's --out and tests; the download streams the lines). */
export async function exportPromptsJsonl(db: DbOrTx, owner: Actor): Promise<string> {
  let out = "";
  for await (const line of exportPromptLines(db, owner)) out += line;
  return out;
}

function readPage(db: DbOrTx, ownerId: string, after: { createdAt: Date; id: string } | null) {
  return db.prompt.findMany({
    where: {
      ownerId,
      orgId: null,
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PAGE,
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      category: true,
      tags: true,
      visibility: true,
      archivedAt: true,
      createdAt: true,
      forkedFromVersion: { select: { number: true, prompt: { select: { slug: true, ownerId: true, visibility: true, orgId: true } } } },
      versions: {
        orderBy: { number: "asc" },
        select: { id: true, number: true, body: true, variables: true, modelSettings: true, changelog: true, status: true, createdAt: true, decidedAt: true, deprecatedAt: true, deprecationNote: true, replacedById: true },
      },
      labels: { orderBy: { name: "asc" }, select: { name: true, splitPercent: true, version: { select: { number: true } }, splitVersion: { select: { number: true } } } },
    },
  });
}
