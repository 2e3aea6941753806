// The prompt_intelligence migration moves prompts the proxy created and nobody touched into the
// Detected inbox: applied to a database holding such prompts (and ones that were edited, liked or
// forked by hand), it moves exactly the untouched ones, with their captures and counts.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate, readMigrations } from "./migrator";
import { pgliteExtensions } from "./pglite-extensions";
import { pgliteConnection } from "./sql-connection";

const MIGRATION = "20261124172453_prompt_intelligence";

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create({ extensions: pgliteExtensions });
});
afterAll(async () => pg?.close());

const q = (sql: string, params: unknown[] = []) => pg.query(sql, params);

async function user(id: string) {
  await q(`INSERT INTO "User" (id, handle, email, "updatedAt") VALUES ($1, $1, $1 || '@example.com', now())`, [id]);
}

/** A prompt with one version per body, `latest` on the last; proxy-made unless `by` says otherwise. */
async function prompt(id: string, ownerId: string, bodies: string[], opts: { captured?: boolean; forkedFromVersionId?: string; likeCount?: number; captureCount?: number; changelog?: string } = {}) {
  const captured = opts.captured ?? true;
  await q(
    `INSERT INTO "Prompt" (id, slug, title, description, category, tags, visibility, "ownerId", "forkedFromVersionId", "likeCount", "captureCount", "lastCapturedAt", "createdAt", "updatedAt")
     VALUES ($1, $1, $2, $3, 'agents', $4, 'private', $5, $6, $7, $8, $9, '2026-11-01T10:00:00Z', now())`,
    [
      id,
      `Title of ${id}`,
      captured ? "Captured by the proxy from openai gpt-4o-mini." : "Written by hand.",
      captured ? ["captured"] : ["support"],
      ownerId,
      opts.forkedFromVersionId ?? null,
      opts.likeCount ?? 0,
      opts.captureCount ?? 0,
      opts.captureCount ? "2026-11-02T10:00:00Z" : null,
    ],
  );
  for (const [i, body] of bodies.entries()) {
    await q(`INSERT INTO "PromptVersion" (id, "promptId", number, body, changelog, "authorId") VALUES ($1, $2, $3, $4, $5, $6)`, [
      `${id}-v${i + 1}`,
      id,
      i + 1,
      body,
      i === 0 && captured ? (opts.changelog ?? (opts.forkedFromVersionId ? "Captured variant" : "Captured")) : "Edited",
      ownerId,
    ]);
  }
  await q(`INSERT INTO "PromptLabel" ("promptId", name, "versionId", "updatedAt") VALUES ($1, 'latest', $2, now())`, [id, `${id}-v${bodies.length}`]);
}

async function capture(id: string, ownerId: string, decision: string, result: string | null, matched: string | null, extra: { model?: string; cost?: string; at?: string } = {}) {
  await q(
    `INSERT INTO "Capture" (id, "ownerId", provider, endpoint, method, status, "latencyMs", model, "costUsd", decision, "resultPromptId", "matchedPromptId", "processedAt", "createdAt")
     VALUES ($1, $2, 'openai', 'chat/completions', 'POST', 200, 10, $3, $4, $5, $6, $7, now(), $8)`,
    [id, ownerId, extra.model ?? "gpt-4o-mini", extra.cost ?? null, decision, result, matched, extra.at ?? "2026-11-02T10:00:00Z"],
  );
}

test("prompts the proxy created and nobody touched move to the Detected inbox with their captures; the others stay", async () => {
  const all = readMigrations();
  const at = all.findIndex((m) => m.name === MIGRATION);
  expect(at).toBeGreaterThan(0);
  await migrate(pgliteConnection(pg), all.slice(0, at));

  await user("alice");
  // Untouched, with two captures (new, then same).
  await prompt("moved", "alice", ["You are a travel agent. Recommend three destinations."], { captureCount: 2 });
  await capture("c1", "alice", "new", "moved", null, { cost: "0.0010000000", at: "2026-11-01T10:00:00Z" });
  await capture("c2", "alice", "same", "moved", "moved", { model: "gpt-4o", cost: "0.0020000000", at: "2026-11-03T10:00:00Z" });
  // Edited after capture (a second version): stays in the library.
  await prompt("edited", "alice", ["Summarise the ticket.", "Summarise the ticket in two lines."], { captureCount: 1 });
  await capture("c3", "alice", "new", "edited", null);
  // Liked: stays.
  await prompt("liked", "alice", ["Write a haiku about autumn leaves."], { likeCount: 1 });
  // The owner's own prompt, and a captured variant of it: the variant moves and suggests a fork of it.
  await prompt("mine", "alice", ["Classify the support ticket by urgency."], { captured: false });
  await prompt("variant", "alice", ["Classify the support ticket by urgency and by team."], { forkedFromVersionId: "mine-v1", captureCount: 1 });
  await capture("c4", "alice", "variant", "variant", "mine");

  const applied = await migrate(pgliteConnection(pg), all);
  expect(applied[0]).toBe(MIGRATION);

  const prompts = (await q(`SELECT id FROM "Prompt" ORDER BY id`)).rows.map((r) => (r as { id: string }).id);
  expect(prompts).toEqual(["edited", "liked", "mine"]);

  type Detected = { id: string; ownerId: string; title: string; identityText: string; exampleText: string; callCount: number; costUsd: string; models: string[]; firstSeenAt: Date; lastSeenAt: Date; status: string; suggestedForkOfPromptId: string | null };
  const detected = (await q(`SELECT * FROM "DetectedPrompt" ORDER BY "identityText"`)).rows as Detected[];
  expect(detected).toHaveLength(2);
  const [variant, moved] = detected;
  expect(moved).toMatchObject({
    ownerId: "alice",
    title: "Title of moved",
    identityText: "You are a travel agent. Recommend three destinations.",
    exampleText: "You are a travel agent. Recommend three destinations.",
    callCount: 2,
    status: "detected",
    suggestedForkOfPromptId: null,
  });
  expect(Number(moved.costUsd)).toBeCloseTo(0.003, 10);
  expect([...moved.models].sort()).toEqual(["gpt-4o", "gpt-4o-mini"]);
  expect(new Date(moved.lastSeenAt).toISOString()).toBe("2026-11-03T10:00:00.000Z");
  expect(variant).toMatchObject({ identityText: "Classify the support ticket by urgency and by team.", callCount: 1, suggestedForkOfPromptId: "mine" });

  type Cap = { id: string; decision: string; detectedPromptId: string | null; resultPromptId: string | null; matchedPromptId: string | null };
  const captures = (await q(`SELECT id, decision, "detectedPromptId", "resultPromptId", "matchedPromptId" FROM "Capture" ORDER BY id`)).rows as Cap[];
  expect(captures).toEqual([
    { id: "c1", decision: "new", detectedPromptId: moved.id, resultPromptId: null, matchedPromptId: null },
    { id: "c2", decision: "new", detectedPromptId: moved.id, resultPromptId: null, matchedPromptId: null },
    { id: "c3", decision: "new", detectedPromptId: null, resultPromptId: "edited", matchedPromptId: null },
    { id: "c4", decision: "variant", detectedPromptId: variant.id, resultPromptId: null, matchedPromptId: "mine" },
  ]);
});
