import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db/prisma";
import { anonymous, makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { rejects } from "@/test/expect-trpc-error";
import { MAX_EVIDENCE_PER_LISTING } from "@/server/domain/harness/listing-evidence";

const t = setUpTestDatabase();

type Cell = {
  provider?: string;
  model: string;
  output?: string;
  costUsd?: string | null;
  latencyMs?: number | null;
  ttftMs?: number | null;
  error?: string | null;
  status?: string;
  assertions?: { type: string; value: unknown; pass: boolean; detail?: string }[];
};

const contains = (value: string, pass: boolean) => ({ type: "contains", value, pass, detail: pass ? "contains" : "does not contain" });

/** A finished run written straight into the tables (the harness that makes them is tested on its own). */
async function makeRun(
  db: Db,
  o: { ownerId: string; versionId: string; cells: Cell[]; status?: string; renderedText?: string; variables?: Record<string, string>; candidateBody?: string | null; asked?: unknown[] },
) {
  const version = await db.promptVersion.findUniqueOrThrow({ where: { id: o.versionId } });
  return db.harnessRun.create({
    data: {
      versionId: version.id,
      promptId: version.promptId,
      ownerId: o.ownerId,
      variables: o.variables ?? {},
      renderedText: o.renderedText ?? version.body,
      candidateBody: o.candidateBody ?? null,
      assertions: (o.asked ?? []) as object[],
      status: o.status ?? "done",
      finishedAt: (o.status ?? "done") === "done" ? new Date() : null,
      results: {
        create: o.cells.map((c, position) => ({
          position,
          provider: c.provider ?? "openai",
          model: c.model,
          output: c.output ?? `${c.model} answer`,
          costUsd: c.costUsd === undefined ? "0.0001" : c.costUsd,
          latencyMs: c.latencyMs === undefined ? 100 : c.latencyMs,
          ttftMs: c.ttftMs === undefined ? 20 : c.ttftMs,
          error: c.error ?? null,
          status: c.status ?? (c.error ? "error" : "done"),
          assertions: (c.assertions ?? []) as object[],
          finishedAt: new Date(),
        })),
      },
    },
  });
}

/** A finished batch: rows × models, cells as given per row. */
async function makeBatch(db: Db, o: { ownerId: string; versionId: string; rows: { variables: Record<string, string>; rendered: string; cells: Cell[] }[]; status?: string }) {
  const version = await db.promptVersion.findUniqueOrThrow({ where: { id: o.versionId } });
  const models = o.rows[0]?.cells.map((c) => ({ provider: c.provider ?? "openai", model: c.model })) ?? [];
  return db.harnessBatch.create({
    data: {
      versionId: version.id,
      promptId: version.promptId,
      ownerId: o.ownerId,
      models,
      rowCount: o.rows.length,
      cellCount: o.rows.length * models.length,
      status: o.status ?? "done",
      finishedAt: new Date(),
      rows: { create: o.rows.map((r, index) => ({ index, variables: r.variables, renderedText: r.rendered })) },
      cells: {
        create: o.rows.flatMap((r, rowIndex) =>
          r.cells.map((c, position) => ({
            rowIndex,
            position,
            provider: c.provider ?? "openai",
            model: c.model,
            output: c.output ?? `${c.model} row ${rowIndex}`,
            costUsd: c.costUsd === undefined ? "0.0001" : c.costUsd,
            latencyMs: c.latencyMs === undefined ? 100 : c.latencyMs,
            ttftMs: c.ttftMs ?? null,
            error: c.error ?? null,
            status: c.status ?? (c.error ? "error" : "done"),
            assertions: (c.assertions ?? []) as object[],
            finishedAt: new Date(),
          })),
        ),
      },
    },
  });
}

async function sellerWithListing(opts: { priceCents?: number; status?: "active" | "draft" | "paused" } = {}) {
  const seller = await makeUser(t.db);
  const prompt = await seller.caller.prompt.create({ title: "Release notes writer", category: "writing", body: "Write release notes for {{product}} from {{changes}}." });
  // Written directly: a paid listing on sale needs Stripe, which these tests do not need.
  const listing = await t.db.listing.create({
    data: { promptId: prompt.id, sellerId: seller.user.id, priceCents: opts.priceCents ?? 0, currency: "usd", terms: "Use it.", status: opts.status ?? "active" },
  });
  return { seller, prompt, listing, versionId: prompt.version.id };
}

describe("harness.attachEvidence", () => {
  it("attaches the seller's finished run once, however often it is asked", async () => {
    const { seller, listing, versionId } = await sellerWithListing();
    const run = await makeRun(t.db, { ownerId: seller.user.id, versionId, cells: [{ model: "gpt-4o-mini" }] });
    const first = await seller.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id });
    const again = await seller.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id });
    expect(again.id).toBe(first.id);
    expect(await t.db.listingEvidence.count({ where: { listingId: listing.id } })).toBe(1);

    expect(await seller.caller.harness.detachEvidence({ listingId: listing.id, runId: run.id })).toEqual({ detached: true });
    expect(await seller.caller.harness.detachEvidence({ listingId: listing.id, runId: run.id })).toEqual({ detached: false });
    expect(await t.db.listingEvidence.count({ where: { listingId: listing.id } })).toBe(0);
  });

  it("accepts a run of an older version and a finished batch", async () => {
    const { seller, listing, prompt, versionId } = await sellerWithListing();
    await seller.caller.version.create({ promptId: prompt.id, body: "Write short release notes for {{product}} from {{changes}}." });
    const run = await makeRun(t.db, { ownerId: seller.user.id, versionId, cells: [{ model: "gpt-4o-mini" }] });
    const batch = await makeBatch(t.db, { ownerId: seller.user.id, versionId, rows: [{ variables: { product: "A" }, rendered: "r", cells: [{ model: "m" }] }] });
    await seller.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id });
    await seller.caller.harness.attachEvidence({ listingId: listing.id, batchId: batch.id });
    const evidence = await anonymous(t.db).harness.listingEvidence({ listingId: listing.id });
    expect(evidence.currentVersion).toBe(2);
    expect(evidence.sources.map((s) => [s.kind, s.versionNumber, s.isCurrentVersion])).toEqual(
      expect.arrayContaining([
        ["run", 1, false],
        ["batch", 1, false],
      ]),
    );
    expect(evidence.overall.testsCurrentVersion).toBe(false);
  });

  it("refuses anyone but the seller: FORBIDDEN when they can see the listing, NOT_FOUND when they cannot", async () => {
    const { seller, listing, versionId } = await sellerWithListing();
    const run = await makeRun(t.db, { ownerId: seller.user.id, versionId, cells: [{ model: "m" }] });
    const other = await makeUser(t.db);
    await rejects(other.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id }), "FORBIDDEN");
    await rejects(other.caller.harness.detachEvidence({ listingId: listing.id, runId: run.id }), "FORBIDDEN");
    await rejects(other.caller.harness.evidenceCandidates({ listingId: listing.id }), "FORBIDDEN");
    await rejects(anonymous(t.db).harness.attachEvidence({ listingId: listing.id, runId: run.id }), "UNAUTHORIZED");

    const draft = await sellerWithListing({ status: "draft" });
    const draftRun = await makeRun(t.db, { ownerId: draft.seller.user.id, versionId: draft.versionId, cells: [{ model: "m" }] });
    await rejects(other.caller.harness.attachEvidence({ listingId: draft.listing.id, runId: draftRun.id }), "NOT_FOUND");
    await rejects(other.caller.harness.attachEvidence({ listingId: "no-such-listing", runId: draftRun.id }), "NOT_FOUND");
    expect(await t.db.listingEvidence.count({ where: { listingId: { in: [listing.id, draft.listing.id] } } })).toBe(0);
  });

  it("refuses someone else's run (NOT_FOUND), a run of another prompt, an unfinished run, a rewrite trial, an unfinished batch", async () => {
    const { seller, listing, versionId } = await sellerWithListing();
    const other = await makeUser(t.db);
    // Even a run of the listed prompt made by someone else (a reader of a public prompt) is not the seller's to attach.
    const othersRun = await makeRun(t.db, { ownerId: other.user.id, versionId, cells: [{ model: "m" }] });
    await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id, runId: othersRun.id }), "NOT_FOUND", /Run/);

    const ownOther = await seller.caller.prompt.create({ title: "Another of mine", category: "writing", body: "z {{y}}" });
    const wrongPrompt = await makeRun(t.db, { ownerId: seller.user.id, versionId: ownOther.version.id, cells: [{ model: "m" }] });
    await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id, runId: wrongPrompt.id }), "BAD_REQUEST", /runId.*another prompt/);

    const running = await makeRun(t.db, { ownerId: seller.user.id, versionId, status: "running", cells: [{ model: "m", status: "running" }] });
    await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id, runId: running.id }), "BAD_REQUEST", /runId.*not finished/);

    const rewrite = await makeRun(t.db, { ownerId: seller.user.id, versionId, candidateBody: "A better body", cells: [{ model: "m" }] });
    await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id, runId: rewrite.id }), "BAD_REQUEST", /runId.*unsaved rewrite/);

    const queued = await makeBatch(t.db, { ownerId: seller.user.id, versionId, status: "running", rows: [{ variables: {}, rendered: "r", cells: [{ model: "m", status: "pending" }] }] });
    await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id, batchId: queued.id }), "BAD_REQUEST", /batchId.*not finished/);
    const othersBatch = await makeBatch(t.db, { ownerId: other.user.id, versionId, rows: [{ variables: {}, rendered: "r", cells: [{ model: "m" }] }] });
    await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id, batchId: othersBatch.id }), "NOT_FOUND", /Batch/);

    expect(await t.db.listingEvidence.count({ where: { listingId: listing.id } })).toBe(0);
  });

  it("wants exactly one of runId and batchId, and says which field", async () => {
    const { seller, listing, versionId } = await sellerWithListing();
    const run = await makeRun(t.db, { ownerId: seller.user.id, versionId, cells: [{ model: "m" }] });
    const batch = await makeBatch(t.db, { ownerId: seller.user.id, versionId, rows: [{ variables: {}, rendered: "r", cells: [{ model: "m" }] }] });
    const both = await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id, batchId: batch.id }), "BAD_REQUEST", /runId/);
    expect(both.message).toMatch(/batchId/);
    const neither = await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id }), "BAD_REQUEST", /runId/);
    expect(neither.message).toMatch(/give a runId or a batchId/);
    await rejects(seller.caller.harness.detachEvidence({ listingId: listing.id }), "BAD_REQUEST", /runId/);
    await rejects(seller.caller.harness.attachEvidence({ listingId: "", runId: run.id }), "BAD_REQUEST", /listingId/);
  });

  it(`keeps at most ${MAX_EVIDENCE_PER_LISTING} runs and batches on a listing`, async () => {
    const { seller, listing, versionId } = await sellerWithListing();
    for (let i = 0; i < MAX_EVIDENCE_PER_LISTING; i++) {
      const run = await makeRun(t.db, { ownerId: seller.user.id, versionId, cells: [{ model: "m" }] });
      await seller.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id });
    }
    const extra = await makeRun(t.db, { ownerId: seller.user.id, versionId, cells: [{ model: "m" }] });
    await rejects(seller.caller.harness.attachEvidence({ listingId: listing.id, runId: extra.id }), "CONFLICT", /at most/);
  });
});

describe("harness.listingEvidence", () => {
  it("computes medians, pass rates and error counts per model over runs and batches; an unknown cost stays unknown", async () => {
    const { seller, listing, versionId } = await sellerWithListing();
    const asked = [{ type: "contains", value: "notes" }];
    const run = await makeRun(t.db, {
      ownerId: seller.user.id,
      versionId,
      asked,
      cells: [
        { model: "gpt-4o-mini", costUsd: "0.0001", latencyMs: 100, assertions: [contains("notes", true)] },
        { provider: "local", model: "llama", costUsd: null, latencyMs: 900, assertions: [contains("notes", false)] },
      ],
    });
    const batch = await makeBatch(t.db, {
      ownerId: seller.user.id,
      versionId,
      rows: [
        { variables: { product: "A" }, rendered: "ra", cells: [{ model: "gpt-4o-mini", costUsd: "0.0003", latencyMs: 300, assertions: [contains("notes", true), { type: "latency", value: 250, pass: false }] }, { provider: "local", model: "llama", costUsd: null, latencyMs: 500, assertions: [contains("notes", true)] }] },
        { variables: { product: "B" }, rendered: "rb", cells: [{ model: "gpt-4o-mini", costUsd: "0.0002", latencyMs: 200, assertions: [contains("notes", true), { type: "latency", value: 250, pass: true }] }, { provider: "local", model: "llama", error: "timed out", costUsd: null, latencyMs: 30_000, assertions: [] }] },
        { variables: { product: "C" }, rendered: "rc", cells: [{ model: "gpt-4o-mini", costUsd: "0.0009", latencyMs: 700, assertions: [contains("notes", false), { type: "latency", value: 250, pass: false }] }, { provider: "local", model: "llama", costUsd: null, latencyMs: 700, assertions: [contains("notes", true)] }] },
      ],
    });
    // The batch asked for the same assertion: an errored cell without stored results fails it.
    await t.db.harnessBatch.update({ where: { id: batch.id }, data: { assertions: asked } });
    await seller.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id });
    await seller.caller.harness.attachEvidence({ listingId: listing.id, batchId: batch.id });

    const buyer = await makeUser(t.db);
    const ev = await buyer.caller.harness.listingEvidence({ listingId: listing.id });
    expect(ev.models.map((m) => `${m.provider}/${m.model}`)).toEqual(["openai/gpt-4o-mini", "local/llama"]);
    const [gpt, llama] = ev.models;

    // gpt: costs 0.0001, 0.0003, 0.0002, 0.0009 -> median 0.00025; latencies 100, 300, 200, 700 -> 250.
    expect(gpt).toMatchObject({ cells: 4, errors: 0, medianCostUsd: "0.00025", pricedCells: 4, medianLatencyMs: 250 });
    // checks: contains 3/4, latency 1/3 -> 4/7.
    expect(gpt.checked).toBe(7);
    expect(gpt.passed).toBe(4);
    expect(gpt.passRate).toBeCloseTo(4 / 7);
    expect(gpt.assertions).toEqual([
      { type: "contains", value: "notes", checked: 4, passed: 3, passRate: 0.75 },
      { type: "latency", value: 250, checked: 3, passed: 1, passRate: 1 / 3 },
    ]);

    // llama has no price: unknown, not 0. The timed-out cell counts as an error and a failed check,
    // and its 30 s is not in the median latency (900, 500, 700 -> 700).
    expect(llama).toMatchObject({ cells: 4, errors: 1, medianCostUsd: null, pricedCells: 0, medianLatencyMs: 700 });
    expect(llama.assertions).toEqual([{ type: "contains", value: "notes", checked: 4, passed: 2, passRate: 0.5 }]);

    expect(ev.overall).toMatchObject({ models: 2, cells: 8, errors: 1, versions: [1], testsCurrentVersion: true });
    expect(ev.overall.passRate).toBeCloseTo(6 / 11);
    expect(ev.sources).toHaveLength(2);
    expect(ev.sources.find((s) => s.kind === "batch")).toMatchObject({ rows: 3, cells: 6, versionNumber: 1, isCurrentVersion: true });

    // Samples: outputs only, at most two per model, never from a failed cell.
    for (const m of ev.models) {
      expect(m.samples.length).toBeGreaterThan(0);
      expect(m.samples.length).toBeLessThanOrEqual(2);
    }
    expect(llama.samples.every((s) => s.output.length > 0)).toBe(true);

    // The Market card's line agrees with the panel.
    const market = await anonymous(t.db).listing.list({ limit: 100, sort: "newest" });
    const card = market.items.find((i) => i.id === listing.id)!;
    expect(card.evidence?.models).toBe(2);
    expect(card.evidence?.passRate).toBeCloseTo(6 / 11);
    expect(market.items.filter((i) => i.id !== listing.id).every((i) => i.evidence === null || i.evidence.models > 0)).toBe(true);

    // Candidates for the seller say what is attached.
    const candidates = await seller.caller.harness.evidenceCandidates({ listingId: listing.id });
    expect(candidates.items.filter((c) => c.attached).map((c) => c.kind).sort()).toEqual(["batch", "run"]);
    expect(candidates.items.find((c) => c.kind === "batch")).toMatchObject({ cells: 6, errors: 1, cannotAttachReason: null });
    expect(candidates.items.find((c) => c.kind === "batch")?.passRate).toBeCloseTo(5 / 9);
    expect(candidates.items.find((c) => c.kind === "run")?.passRate).toBeCloseTo(1 / 2);
  });

  it("shows usage from captures and names the fork's source only to those who may read it", async () => {
    const { seller, listing, prompt } = await sellerWithListing();
    await t.db.prompt.update({ where: { id: prompt.id }, data: { captureCount: 1234, lastCapturedAt: new Date("2026-11-01T10:00:00Z") } });
    const ev = await anonymous(t.db).harness.listingEvidence({ listingId: listing.id });
    expect(ev.usage).toEqual({ captureCount: 1234, lastCapturedAt: new Date("2026-11-01T10:00:00Z") });
    expect(ev.lineage).toMatchObject({ isFork: false, forkOf: null });
    expect(ev.models).toEqual([]);
    expect(ev.overall.passRate).toBeNull();

    const forker = await makeUser(t.db);
    const fork = await forker.caller.prompt.fork({ versionId: prompt.version.id });
    const forkListing = await t.db.listing.create({ data: { promptId: fork.id, sellerId: forker.user.id, priceCents: 0, currency: "usd", terms: "t", status: "active" } });
    await t.db.prompt.update({ where: { id: fork.id }, data: { visibility: "public" } });
    const forkEvidence = await anonymous(t.db).harness.listingEvidence({ listingId: forkListing.id });
    expect(forkEvidence.lineage).toMatchObject({ isFork: true, forkOf: { slug: prompt.slug, title: "Release notes writer", ownerHandle: seller.user.handle, versionNumber: 1 } });

    await t.db.prompt.update({ where: { id: prompt.id }, data: { visibility: "private" } });
    const hidden = await anonymous(t.db).harness.listingEvidence({ listingId: forkListing.id });
    expect(hidden.lineage).toMatchObject({ isFork: true, forkOf: null });
  });

  it("follows the listing's visibility: a draft's evidence is its seller's alone", async () => {
    const { seller, listing, versionId } = await sellerWithListing({ status: "draft" });
    const run = await makeRun(t.db, { ownerId: seller.user.id, versionId, cells: [{ model: "m" }] });
    await seller.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id });
    expect((await seller.caller.harness.listingEvidence({ listingId: listing.id })).models).toHaveLength(1);
    await rejects(anonymous(t.db).harness.listingEvidence({ listingId: listing.id }), "NOT_FOUND");
    await rejects((await makeUser(t.db)).caller.harness.listingEvidence({ listingId: listing.id }), "NOT_FOUND");
  });

  it("never hands out a paid prompt's body, rendered text or variables, even when a model echoes them", async () => {
    const { seller, listing, versionId } = await sellerWithListing({ priceCents: 900 });
    const version = await t.db.promptVersion.findUniqueOrThrow({ where: { id: versionId } });
    const variables = { product: "Zephyr Analytics Suite", changes: "rewrote the ingestion pipeline in Rust" };
    const rendered = `Write release notes for ${variables.product} from ${variables.changes}.`;
    const run = await makeRun(t.db, {
      ownerId: seller.user.id,
      versionId,
      variables,
      renderedText: rendered,
      cells: [
        // A model that repeats its prompt before answering.
        { model: "parrot", output: `You asked: "${rendered}" Here they are: faster imports, fewer crashes.` },
        { model: "honest", output: "Release 2.0: faster imports and fewer crashes." },
      ],
    });
    const batch = await makeBatch(t.db, {
      ownerId: seller.user.id,
      versionId,
      rows: [{ variables: { product: "Quasar Mail Gateway", changes: "dropped IMAP" }, rendered: "Write release notes for Quasar Mail Gateway from dropped IMAP.", cells: [{ model: "echo", output: "Write release notes for Quasar Mail Gateway from dropped IMAP. Done." }] }],
    });
    await seller.caller.harness.attachEvidence({ listingId: listing.id, runId: run.id });
    await seller.caller.harness.attachEvidence({ listingId: listing.id, batchId: batch.id });

    const buyer = await makeUser(t.db);
    for (const viewer of [anonymous(t.db), buyer.caller]) {
      const ev = await viewer.harness.listingEvidence({ listingId: listing.id });
      const json = JSON.stringify(ev);
      expect(json).not.toContain(version.body);
      expect(json).not.toContain("Write release notes for");
      expect(json).not.toContain(variables.product);
      expect(json).not.toContain(variables.changes);
      expect(json).not.toContain("Quasar Mail Gateway");
      const parrot = ev.models.find((m) => m.model === "parrot")!;
      expect(parrot.samples[0]).toMatchObject({ redacted: true });
      expect(parrot.samples[0].output).toContain("faster imports, fewer crashes.");
      expect(parrot.samples[0].output).toContain("[prompt text withheld]");
      expect(ev.models.find((m) => m.model === "honest")!.samples[0]).toMatchObject({ output: "Release 2.0: faster imports and fewer crashes.", redacted: false });
    }

    // The seller (who may read the body) sees the outputs as they were.
    const own = await seller.caller.harness.listingEvidence({ listingId: listing.id });
    expect(own.models.find((m) => m.model === "parrot")!.samples[0]).toMatchObject({ redacted: false });
  });
});
