// Re-clustering an owner's inbox into templates over real captures in PGlite: two templates' calls
// become two templates with each capture's values, their detected prompts are merged, re-running
// changes nothing, promoted templates survive (and their later inbox captures become uses), and the
// job reports its progress.
import { describe, expect, test, vi } from "vitest";
import { renderTemplate } from "@/shared/prompts/variables";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { latestJob, openJob } from "../background-jobs/background-jobs";
import { promoteTemplate } from "./promote-template";
import { ownersDueForRecluster, runReclusterJob } from "./recluster-job";
import { reclusterOwner } from "./recluster-owner";
import { countTemplateCall } from "./template-counts";
import {
  LONE_TEXT,
  makeCapture,
  makeDetected,
  normalise,
  SUPPORT_TEXTS,
  supportText,
  TRANSLATE_TEXTS,
  translateText,
} from "./template-captures.fixture";

const t = setUpTestDatabase();

/** Alice's inbox: five support texts (one called twice) over two detected prompts, four translations in one, one lone prompt. */
async function seedInbox() {
  const alice = await makeUser(t.db);
  const owner = alice.user.id;
  const supportBusy = await makeDetected(t.db, owner, "support-a", { callCount: 5, costUsd: "0.0100", models: ["gpt-4o-mini"] });
  const supportQuiet = await makeDetected(t.db, owner, "support-b", { callCount: 3, costUsd: "0.0050", models: ["gpt-4o"] });
  const translate = await makeDetected(t.db, owner, "translate", { callCount: 4 });
  const lone = await makeDetected(t.db, owner, "lone", { callCount: 1 });
  const support = [];
  for (const [i, text] of SUPPORT_TEXTS.entries()) {
    support.push(await makeCapture(t.db, owner, text, { detectedPromptId: i < 2 ? supportBusy.id : supportQuiet.id }));
  }
  support.push(await makeCapture(t.db, owner, SUPPORT_TEXTS[0], { detectedPromptId: supportBusy.id, model: "gpt-4o" }));
  const translations = [];
  for (const text of TRANSLATE_TEXTS) translations.push(await makeCapture(t.db, owner, text, { detectedPromptId: translate.id }));
  const loneCapture = await makeCapture(t.db, owner, LONE_TEXT, { detectedPromptId: lone.id });
  return { alice, owner, detected: { supportBusy, supportQuiet, translate, lone }, support, translations, loneCapture };
}

async function templatesOf(ownerId: string) {
  return t.db.promptTemplate.findMany({ where: { ownerId }, orderBy: { captureCount: "desc" } });
}

describe("reclusterOwner", () => {
  test("two templates' captures become two templates, with each capture's values, and their detected prompts merge into one per template", async () => {
    const s = await seedInbox();
    // Noise that must stay out: a library use of the same text, another owner's identical call, a metadata-only call.
    const bob = await makeUser(t.db);
    const libraryUse = await makeCapture(t.db, s.owner, SUPPORT_TEXTS[1], { decision: "same" });
    const bobs = await makeCapture(t.db, bob.user.id, SUPPORT_TEXTS[2]);
    await makeCapture(t.db, s.owner, null, { decision: "skipped" });

    // Small pages: the inbox is read in several queries.
    const result = await reclusterOwner(t.db, s.owner, { pageSize: 3 });
    expect(result).toMatchObject({ threshold: 0.8, captures: 11, texts: 10, templates: 2, created: 2, kept: 0, deleted: 0, clustered: 10, unclustered: 1, promotedUses: 0, detectedMerged: 1 });

    const [support, translate] = await templatesOf(s.owner);
    expect(support).toMatchObject({ memberCount: 5, captureCount: 6, promotedPromptId: null });
    expect(translate).toMatchObject({ memberCount: 4, captureCount: 4, promotedPromptId: null });
    expect(support.shell).toContain("friendly support agent for Acme Cloud Storage");
    expect(translate.shell).toContain("professional translator for a travel magazine");
    expect(support.variables.length).toBeGreaterThan(0);
    expect(support.firstSeenAt).toEqual(s.support[0].createdAt);
    expect(support.lastSeenAt).toEqual(s.support[5].createdAt);

    // Each capture keeps the values that render its own text from the shell.
    const clustered = await t.db.capture.findMany({ where: { ownerId: s.owner, templateId: { not: null } }, orderBy: { createdAt: "asc" } });
    expect(clustered.map((c) => c.id).sort()).toEqual([...s.support, ...s.translations].map((c) => c.id).sort());
    for (const c of clustered) {
      const template = c.templateId === support.id ? support : translate;
      const values = c.templateValues as Record<string, string>;
      expect(Object.keys(values).sort()).toEqual([...template.variables].sort());
      expect(normalise(renderTemplate(template.shell, values).text)).toBe(normalise(c.promptText as string));
    }
    const aliceValues = clustered.filter((c) => c.promptText === SUPPORT_TEXTS[0]).map((c) => c.templateValues);
    expect(aliceValues).toHaveLength(2);
    expect(aliceValues[0]).toEqual(aliceValues[1]);
    expect(Object.values(aliceValues[0] as object).join(" ")).toContain("Alice");

    // Outside the inbox, nothing changed.
    expect((await t.db.capture.findUniqueOrThrow({ where: { id: libraryUse.id } })).templateId).toBeNull();
    expect((await t.db.capture.findUniqueOrThrow({ where: { id: bobs.id } })).templateId).toBeNull();
    expect((await t.db.capture.findUniqueOrThrow({ where: { id: s.loneCapture.id } })).templateId).toBeNull();
    expect(await templatesOf(bob.user.id)).toEqual([]);

    // The support calls' two detected prompts are one now: the busier, with the counts summed.
    expect(await t.db.detectedPrompt.findUnique({ where: { id: s.detected.supportQuiet.id } })).toBeNull();
    const merged = await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: s.detected.supportBusy.id } });
    expect(merged).toMatchObject({ callCount: 8, models: ["gpt-4o", "gpt-4o-mini"], status: "detected", templateId: support.id });
    expect(Number(merged.costUsd)).toBeCloseTo(0.015, 10);
    expect(merged.firstSeenAt).toEqual(s.detected.supportBusy.firstSeenAt);
    const supportDetected = await t.db.capture.findMany({ where: { id: { in: s.support.map((c) => c.id) } }, select: { detectedPromptId: true } });
    expect(new Set(supportDetected.map((c) => c.detectedPromptId))).toEqual(new Set([s.detected.supportBusy.id]));
    expect((await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: s.detected.translate.id } })).templateId).toBe(translate.id);
    expect((await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: s.detected.lone.id } })).templateId).toBeNull();
  });

  test("merging keeps a sensible status and suggestion: in the inbox if any part was, the fork suggested by a merged part", async () => {
    const alice = await makeUser(t.db);
    const owner = alice.user.id;
    const library = await t.db.prompt.create({ data: { slug: `lib-${owner}`, title: "Library support", category: "support", ownerId: owner, visibility: "private" } });
    const dismissed = await makeDetected(t.db, owner, "dismissed", { callCount: 9, status: "dismissed" });
    const suggesting = await makeDetected(t.db, owner, "suggesting", { callCount: 2 });
    await t.db.detectedPrompt.update({ where: { id: suggesting.id }, data: { suggestedForkOfPromptId: library.id, suggestedSimilarity: 0.9 } });
    for (const [i, text] of SUPPORT_TEXTS.entries()) await makeCapture(t.db, owner, text, { detectedPromptId: i % 2 ? suggesting.id : dismissed.id, decision: i % 2 ? "variant" : "new" });
    const result = await reclusterOwner(t.db, owner);
    expect(result).toMatchObject({ templates: 1, detectedMerged: 1 });
    expect(await t.db.detectedPrompt.findUnique({ where: { id: suggesting.id } })).toBeNull();
    expect(await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: dismissed.id } })).toMatchObject({
      status: "detected",
      callCount: 11,
      suggestedForkOfPromptId: library.id,
      suggestedSimilarity: 0.9,
    });
    // Each capture keeps its own decision.
    expect(await t.db.capture.count({ where: { ownerId: owner, detectedPromptId: dismissed.id, decision: "variant" } })).toBe(2);
  });

  test("re-running is idempotent: same ids, same counts, nothing rewritten; new calls that fit join the same template", async () => {
    const s = await seedInbox();
    await reclusterOwner(t.db, s.owner);
    const before = await templatesOf(s.owner);
    const capturesBefore = await t.db.capture.findMany({ where: { ownerId: s.owner }, orderBy: { id: "asc" } });
    const detectedBefore = await t.db.detectedPrompt.findMany({ where: { ownerId: s.owner }, orderBy: { id: "asc" } });

    const again = await reclusterOwner(t.db, s.owner);
    expect(again).toMatchObject({ templates: 2, created: 0, kept: 2, deleted: 0, detectedMerged: 0, clustered: 10, unclustered: 1 });
    expect(await templatesOf(s.owner)).toEqual(before);
    expect(await t.db.capture.findMany({ where: { ownerId: s.owner }, orderBy: { id: "asc" } })).toEqual(capturesBefore);
    expect(await t.db.detectedPrompt.findMany({ where: { ownerId: s.owner }, orderBy: { id: "asc" } })).toEqual(detectedBefore);

    // Two more support calls (one a new text, one a repeat) keep the template's id and raise its counts.
    const fresh = await makeCapture(t.db, s.owner, supportText("Farid", "Team", "how do I export my photos?"), { detectedPromptId: s.detected.supportBusy.id });
    await makeCapture(t.db, s.owner, SUPPORT_TEXTS[3], { detectedPromptId: s.detected.supportBusy.id });
    const third = await reclusterOwner(t.db, s.owner);
    expect(third).toMatchObject({ created: 0, kept: 2, deleted: 0 });
    const after = await templatesOf(s.owner);
    expect(after.map((x) => x.id)).toEqual(before.map((x) => x.id));
    expect(after[0]).toMatchObject({ memberCount: 6, captureCount: 8 });
    expect(after[0].lastSeenAt > before[0].lastSeenAt).toBe(true);
    const joined = await t.db.capture.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(joined.templateId).toBe(before[0].id);
    expect(Object.values(joined.templateValues as object).join(" ")).toContain("Farid");

    // A shell that comes out differently (say induction improved) keeps the id of the template with the same members.
    await t.db.promptTemplate.update({ where: { id: before[0].id }, data: { shell: "An older shell: {{question}}", variables: ["question"] } });
    const fourth = await reclusterOwner(t.db, s.owner);
    expect(fourth).toMatchObject({ created: 0, kept: 2, deleted: 0 });
    expect(await t.db.promptTemplate.findUniqueOrThrow({ where: { id: before[0].id } })).toMatchObject({ shell: after[0].shell, variables: after[0].variables, captureCount: 8 });
  });

  test("large inboxes are induced in a worker thread, with the same outcome as on the main thread", async () => {
    const inline = await seedInbox();
    const threaded = await seedInbox();
    const warn = vi.spyOn(console, "warn");
    try {
      const a = await reclusterOwner(t.db, inline.owner, { offThreadFrom: Number.MAX_SAFE_INTEGER });
      const b = await reclusterOwner(t.db, threaded.owner, { offThreadFrom: 2 });
      expect(warn.mock.calls.filter(([m]) => String(m).includes("induction worker failed"))).toEqual([]);
      expect({ ...b, ms: 0 }).toEqual({ ...a, ms: 0 });
      const shells = async (owner: string) => (await templatesOf(owner)).map((x) => [x.shell, x.variables, x.memberCount, x.captureCount]);
      expect(await shells(threaded.owner)).toEqual(await shells(inline.owner));
    } finally {
      warn.mockRestore();
    }
  });

  test("calls joining a template between re-clusters move its counts as a re-cluster would count them", async () => {
    const s = await seedInbox();
    await reclusterOwner(t.db, s.owner);
    const [support] = await templatesOf(s.owner);
    const join = async (text: string) => {
      const c = await makeCapture(t.db, s.owner, text, { detectedPromptId: s.detected.supportBusy.id });
      await t.db.$transaction(async (tx) => {
        await tx.capture.update({ where: { id: c.id }, data: { templateId: support.id, templateValues: {} } });
        await countTemplateCall(tx, { templateId: support.id, ownerId: s.owner, captureId: c.id, promptText: text, createdAt: c.createdAt });
      });
      return c;
    };
    await join(SUPPORT_TEXTS[2]);
    const last = await join(supportText("Ines", "Free", "is there a desktop app for Linux?"));
    const incremental = await t.db.promptTemplate.findUniqueOrThrow({ where: { id: support.id } });
    expect(incremental).toMatchObject({ memberCount: 6, captureCount: 8, lastSeenAt: last.createdAt, firstSeenAt: support.firstSeenAt });
    await reclusterOwner(t.db, s.owner);
    expect(await t.db.promptTemplate.findUniqueOrThrow({ where: { id: support.id } })).toMatchObject({
      memberCount: incremental.memberCount,
      captureCount: incremental.captureCount,
      firstSeenAt: incremental.firstSeenAt,
      lastSeenAt: incremental.lastSeenAt,
    });
  });

  test("a template whose captures left the inbox is deleted, and links to it are cleared", async () => {
    const s = await seedInbox();
    await reclusterOwner(t.db, s.owner);
    const [, translate] = await templatesOf(s.owner);
    // The translations became library uses some other way (say the detected prompt was promoted).
    await t.db.capture.updateMany({ where: { templateId: translate.id }, data: { decision: "same", templateId: null, templateValues: undefined } });
    const result = await reclusterOwner(t.db, s.owner);
    expect(result).toMatchObject({ templates: 1, created: 0, kept: 1, deleted: 1 });
    expect(await t.db.promptTemplate.findUnique({ where: { id: translate.id } })).toBeNull();
    expect((await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: s.detected.translate.id } })).templateId).toBeNull();
  });

  test("a promoted template survives re-clustering; inbox calls that fit it later become uses of its prompt", async () => {
    const s = await seedInbox();
    await reclusterOwner(t.db, s.owner);
    const [, translate] = await templatesOf(s.owner);
    const promoted = await promoteTemplate(t.db, s.alice.actor, { templateId: translate.id, title: "Travel translator", category: "writing" });

    const again = await reclusterOwner(t.db, s.owner);
    expect(again).toMatchObject({ templates: 2, created: 0, kept: 1, deleted: 0, promotedUses: 0 });
    expect(await t.db.promptTemplate.findUniqueOrThrow({ where: { id: translate.id } })).toMatchObject({
      promotedPromptId: promoted.promptId,
      shell: translate.shell,
      captureCount: 4,
      memberCount: 4,
    });

    // A translation that reached the inbox anyway (say identity ran before the promotion) is a use now.
    const late = await makeDetected(t.db, s.owner, "translate-late", { callCount: 1 });
    const lateCapture = await makeCapture(t.db, s.owner, translateText("Portuguese", "Trams stop running at midnight."), { detectedPromptId: late.id });
    const third = await reclusterOwner(t.db, s.owner);
    expect(third).toMatchObject({ templates: 2, created: 0, kept: 1, deleted: 0, promotedUses: 1 });
    const use = await t.db.capture.findUniqueOrThrow({ where: { id: lateCapture.id } });
    const version1 = await t.db.promptVersion.findFirstOrThrow({ where: { promptId: promoted.promptId, number: 1 } });
    expect(use).toMatchObject({ decision: "same", resultPromptId: promoted.promptId, matchedPromptId: promoted.promptId, templateId: translate.id, matchedVersionId: version1.id });
    expect(use.variableValues).toEqual(use.templateValues);
    expect(Object.values(use.templateValues as object).join(" ")).toContain("Portuguese");
    expect(await t.db.prompt.findUniqueOrThrow({ where: { id: promoted.promptId } })).toMatchObject({ captureCount: 5, lastCapturedAt: lateCapture.createdAt });
    expect(await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: "promoted", promotedPromptId: promoted.promptId });
    expect((await t.db.promptTemplate.findUniqueOrThrow({ where: { id: translate.id } })).captureCount).toBe(5);
  });

  test("as a job: started, progress up to its total, finished with the result; the schedule finds owners with new inbox calls", async () => {
    const s = await seedInbox();
    const now = new Date();
    expect(await ownersDueForRecluster(t.db, { limit: 100, now })).toContain(s.owner);

    const { job } = await openJob(t.db, "template.recluster", s.owner);
    expect(job.status).toBe("queued");
    // While a job is queued, the schedule leaves the owner alone.
    expect(await ownersDueForRecluster(t.db, { limit: 100, now })).not.toContain(s.owner);

    const seen: [number, number][] = [];
    const outcome = await runReclusterJob(t.db, s.owner, job.id, { pageSize: 4, onProgress: (done, total) => seen.push([done, total]) });
    expect(outcome.state).toBe("done");
    expect(seen.every(([, total]) => total === 22)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([0, 4, 8, 11, 16, 22]);
    const done = await latestJob(t.db, "template.recluster", s.owner);
    expect(done).toMatchObject({ id: job.id, status: "done", total: 22, done: 22, error: null });
    expect(done?.result).toMatchObject({ captures: 11, templates: 2, clustered: 10 });
    expect(done?.startedAt).not.toBeNull();
    expect(done?.finishedAt).not.toBeNull();

    // A second delivery of the event does not run it again.
    expect(await runReclusterJob(t.db, s.owner, job.id)).toMatchObject({ state: "skipped" });
    // Nothing new since: not due. A call identified after the job started: due again.
    expect(await ownersDueForRecluster(t.db, { limit: 100, now })).not.toContain(s.owner);
    const later = new Date(Date.now() + 60_000);
    await t.db.capture.create({
      data: { ownerId: s.owner, provider: "openai", endpoint: "/v1/chat/completions", method: "POST", status: 200, latencyMs: 5, promptText: SUPPORT_TEXTS[4], decision: "new", createdAt: later, processedAt: later },
    });
    expect(await ownersDueForRecluster(t.db, { limit: 100, now: later })).toContain(s.owner);
  });
});
