// The template router: the owner's templates with their share of captures and the latest re-cluster
// job, one template's captures and values, promotion to a library prompt (version 1 = the shell, the
// captures become its uses, later calls that fit count too), asking for a re-cluster job (the job
// function itself runs in inngest/template-recluster.int.test.ts), and that another user's templates
// and jobs do not exist for them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerInProcessDispatcher } from "@/server/jobs/send-event";
import { runReclusterJob } from "@/server/domain/templates/recluster-job";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";
import { identifyCapture } from "@/server/domain/identity/identify-capture";
import { reclusterOwner } from "@/server/domain/templates/recluster-owner";
import { LONE_TEXT, makeCapture, makeDetected, normalise, SUPPORT_TEXTS, supportText, TRANSLATE_TEXTS } from "@/server/domain/templates/template-captures.fixture";
import { renderTemplate } from "@/shared/prompts/variables";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

// Events go to a recording dispatcher (no Inngest in tests): what the router asked to run.
const ENV = ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"];
const saved: Record<string, string | undefined> = {};
let sent: { name: string; data: unknown }[] = [];
beforeAll(() => {
  for (const k of ENV) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  registerInProcessDispatcher((name, data) => sent.push({ name, data }));
});
afterAll(() => {
  registerInProcessDispatcher(undefined);
  for (const k of ENV) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});
beforeEach(() => {
  sent = [];
});
const reclusterEvents = () => sent.filter((e) => e.name === "template/recluster.requested").map((e) => e.data);

/** A user whose inbox holds the support and translation calls (and one lone prompt), re-clustered. */
async function ownerWithTemplates() {
  const who = await makeUser(t.db);
  const support = await makeDetected(t.db, who.user.id, "support", { callCount: 6 });
  const translate = await makeDetected(t.db, who.user.id, "translate", { callCount: 4 });
  const lone = await makeDetected(t.db, who.user.id, "lone");
  for (const text of [...SUPPORT_TEXTS, SUPPORT_TEXTS[0]]) await makeCapture(t.db, who.user.id, text, { detectedPromptId: support.id, costUsd: "0.001" });
  for (const text of TRANSLATE_TEXTS) await makeCapture(t.db, who.user.id, text, { detectedPromptId: translate.id });
  await makeCapture(t.db, who.user.id, LONE_TEXT, { detectedPromptId: lone.id });
  await reclusterOwner(t.db, who.user.id);
  const list = await who.caller.template.list();
  const supportTemplate = list.items.find((i) => i.shell.includes("Acme Cloud Storage"));
  const translateTemplate = list.items.find((i) => i.shell.includes("travel magazine"));
  if (!supportTemplate || !translateTemplate) throw new Error("induction did not find the two templates");
  return { ...who, detected: { support, translate, lone }, supportTemplate, translateTemplate };
}

describe("template router", () => {
  it("lists the caller's templates with counts, share of captures, detected prompt and latest job; byId pages through captures with their values", async () => {
    const a = await ownerWithTemplates();
    const list = await a.caller.template.list({});
    expect(list.totalCaptures).toBe(11);
    expect(list.job).toBeNull();
    expect(list.nextCursor).toBeNull();
    expect(list.items).toHaveLength(2);
    expect(a.supportTemplate).toMatchObject({ memberCount: 5, captureCount: 6, promotedPrompt: null, detectedPrompt: { id: a.detected.support.id, title: "Detected support" } });
    expect(a.supportTemplate.share).toBeCloseTo(6 / 11, 10);
    expect(a.translateTemplate.share).toBeCloseTo(4 / 11, 10);
    // Most recently seen first: the translations were captured after the support calls.
    expect(list.items.map((i) => i.id)).toEqual([a.translateTemplate.id, a.supportTemplate.id]);
    const firstPage = await a.caller.template.list({ limit: 1 });
    expect(firstPage.items.map((i) => i.id)).toEqual([a.translateTemplate.id]);
    const secondPage = await a.caller.template.list({ limit: 1, cursor: firstPage.nextCursor });
    expect(secondPage.items.map((i) => i.id)).toEqual([a.supportTemplate.id]);
    expect(secondPage.nextCursor).toBeNull();

    const detail = await a.caller.template.byId({ templateId: a.supportTemplate.id, limit: 4 });
    expect(detail.template).toEqual(a.supportTemplate);
    expect(detail.captures).toHaveLength(4);
    expect(detail.nextCursor).not.toBeNull();
    const rest = await a.caller.template.byId({ templateId: a.supportTemplate.id, cursor: detail.nextCursor });
    expect(rest.captures).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
    const all = [...detail.captures, ...rest.captures];
    expect(all.map((c) => c.createdAt.getTime())).toEqual([...all.map((c) => c.createdAt.getTime())].sort((x, y) => y - x));
    const texts = new Set(all.map((c) => normalise(renderTemplate(a.supportTemplate.shell, c.values).text)));
    expect(texts).toEqual(new Set(SUPPORT_TEXTS.map(normalise)));
    expect(all[0]).toMatchObject({ model: "gpt-4o-mini" });

    await rejects(a.caller.template.list({ limit: 101 }), "BAD_REQUEST", /limit/);
    await rejects(a.caller.template.byId({ templateId: "" }), "BAD_REQUEST", /templateId/);
  });

  it("another user's templates and jobs are NOT_FOUND, their list is their own, and anonymous callers are refused", async () => {
    const a = await ownerWithTemplates();
    const bob = await makeUser(t.db);
    expect(await bob.caller.template.list({})).toMatchObject({ items: [], totalCaptures: 0, job: null });
    await rejects(bob.caller.template.byId({ templateId: a.supportTemplate.id }), "NOT_FOUND");
    await rejects(bob.caller.template.promote({ templateId: a.supportTemplate.id, title: "Stolen", category: "writing" }), "NOT_FOUND");
    const { jobId } = await a.caller.template.recluster();
    await rejects(bob.caller.template.job({ jobId }), "NOT_FOUND");
    // Bob's own request opens his own job.
    expect((await bob.caller.template.recluster()).jobId).not.toBe(jobId);
    await rejects(anonymous(t.db).template.list({}), "UNAUTHORIZED");
    await rejects(anonymous(t.db).template.recluster(), "UNAUTHORIZED");
    // Untouched by the failed attempts.
    expect((await t.db.promptTemplate.findUniqueOrThrow({ where: { id: a.supportTemplate.id } })).promotedPromptId).toBeNull();
  });

  it("recluster opens the owner's job and sends its event once; the job's progress and result show on the list", async () => {
    const a = await ownerWithTemplates();
    await makeCapture(t.db, a.user.id, supportText("Gus", "Free", "can I recover an old version of a file?"), { detectedPromptId: a.detected.support.id });
    const { jobId } = await a.caller.template.recluster();
    expect(reclusterEvents()).toEqual([{ ownerId: a.user.id, jobId }]);
    expect(await a.caller.template.job({ jobId })).toMatchObject({ id: jobId, status: "queued", done: 0, total: 0, result: null, error: null });
    expect((await a.caller.template.list({})).job).toMatchObject({ id: jobId, status: "queued" });
    // Asking again while it is queued joins it: no second job, no second event.
    expect(await a.caller.template.recluster()).toEqual({ jobId });
    expect(reclusterEvents()).toHaveLength(1);
    expect(await t.db.backgroundJob.count({ where: { ownerId: a.user.id } })).toBe(1);

    // What the job function does with the event.
    await runReclusterJob(t.db, a.user.id, jobId);
    const job = await a.caller.template.job({ jobId });
    expect(job).toMatchObject({ id: jobId, status: "done", total: 24, done: 24, error: null });
    expect(job.result).toMatchObject({ captures: 12, texts: 11, templates: 2, created: 0, kept: 2, clustered: 11, unclustered: 1 });
    const list = await a.caller.template.list({});
    expect(list.job).toMatchObject({ id: jobId, status: "done", done: 24, total: 24, error: null });
    expect(list.job?.finishedAt).toBeInstanceOf(Date);
    expect(list.items.find((i) => i.id === a.supportTemplate.id)).toMatchObject({ memberCount: 6, captureCount: 7 });

    // Once it is done, asking again opens a new job.
    const next = await a.caller.template.recluster();
    expect(next.jobId).not.toBe(jobId);
    expect(reclusterEvents()).toEqual([{ ownerId: a.user.id, jobId }, { ownerId: a.user.id, jobId: next.jobId }]);
    await rejects(a.caller.template.job({ jobId: "nope" }), "NOT_FOUND");
  });

  it("promote: version 1 is the shell, the captures become its uses with their values, the detected prompt is promoted, and later calls that fit count as usage", async () => {
    const a = await ownerWithTemplates();
    const template = a.supportTemplate;

    await rejects(a.caller.template.promote({ templateId: template.id, title: "ab", category: "writing" }), "BAD_REQUEST", /title/);
    await rejects(a.caller.template.promote({ templateId: template.id, title: "Support answers", category: "nope" as "writing" }), "BAD_REQUEST", /category/);

    // A shell that cannot be a prompt body (here a malformed slot in the captured text) is refused, naming it.
    const odd = await t.db.promptTemplate.create({
      data: { ownerId: a.user.id, shell: "Answer {{ the question }} for {{name}} using our knowledge base only.", variables: ["name"], firstSeenAt: new Date(), lastSeenAt: new Date() },
    });
    const refused = await rejects(a.caller.template.promote({ templateId: odd.id, title: "Odd one", category: "writing" }), "BAD_REQUEST", /shell/);
    expect(refused.message).toContain(odd.id);
    expect(await t.db.prompt.count({ where: { ownerId: a.user.id } })).toBe(0);
    await t.db.promptTemplate.delete({ where: { id: odd.id } });

    const promoted = await a.caller.template.promote({ templateId: template.id, title: "Support answers", category: "writing" });
    const prompt = await t.db.prompt.findUniqueOrThrow({ where: { id: promoted.promptId }, include: { versions: true } });
    expect(prompt).toMatchObject({ slug: promoted.slug, title: "Support answers", category: "writing", visibility: "private", ownerId: a.user.id, captureCount: 6 });
    expect(prompt.versions).toHaveLength(1);
    expect(prompt.versions[0]).toMatchObject({ number: 1, body: template.shell });
    const version1 = prompt.versions[0];

    const uses = await t.db.capture.findMany({ where: { templateId: template.id } });
    expect(uses).toHaveLength(6);
    for (const c of uses) {
      expect(c).toMatchObject({ decision: "same", resultPromptId: prompt.id, matchedPromptId: prompt.id, matchedVersionId: version1.id });
      expect(c.variableValues).toEqual(c.templateValues);
    }
    expect(await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: a.detected.support.id } })).toMatchObject({ status: "promoted", promotedPromptId: prompt.id, templateId: template.id });
    // The other template and its inbox entry are untouched.
    expect(await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: a.detected.translate.id } })).toMatchObject({ status: "detected", promotedPromptId: null });
    expect(await t.db.capture.count({ where: { templateId: a.translateTemplate.id, decision: "new" } })).toBe(4);

    const listed = (await a.caller.template.list({})).items.find((i) => i.id === template.id);
    expect(listed?.promotedPrompt).toEqual({ id: prompt.id, slug: promoted.slug, title: "Support answers" });
    // The promoted prompt is in the owner's library.
    expect((await a.caller.prompt.list({ author: a.user.handle })).items.map((p) => p.id)).toContain(prompt.id);

    // Twice: 409 naming the template.
    const again = await rejects(a.caller.template.promote({ templateId: template.id, title: "Support answers 2", category: "writing" }), "CONFLICT");
    expect(again.message).toContain(template.id);

    // A later call that fits the shell is a use of the prompt (identity's incremental fit).
    const later = await t.db.capture.create({
      data: {
        ownerId: a.user.id,
        provider: "openai",
        endpoint: "/v1/chat/completions",
        method: "POST",
        model: "gpt-4o-mini",
        status: 200,
        latencyMs: 40,
        promptText: supportText("Hana", "Pro", "how do I change my billing email?"),
      },
    });
    const identified = await identifyCapture(t.db, later.id, localEmbedder);
    expect(identified).toMatchObject({ decision: "same", resultPromptId: prompt.id, templateId: template.id });
    expect(Object.values(identified.templateValues ?? {}).join(" ")).toContain("Hana");
    expect((await t.db.prompt.findUniqueOrThrow({ where: { id: prompt.id } })).captureCount).toBe(7);
    // Its owner sees the usage on the prompt (page and API); it is nobody else's business.
    expect((await a.caller.prompt.bySlug({ slug: prompt.slug })).capturedUses).toMatchObject({ count: 7 });
    // Re-clustering keeps the promoted template and counts the new use.
    await reclusterOwner(t.db, a.user.id);
    expect(await t.db.promptTemplate.findUniqueOrThrow({ where: { id: template.id } })).toMatchObject({ promotedPromptId: prompt.id, captureCount: 7, memberCount: 6 });
  });
});
