// Template re-clustering through the real background functions (in-process runner): the owner's
// request runs the job to the end with its progress and result; the 15-minute schedule asks for a
// job for each owner with inbox calls identified since their last re-cluster, and only for them.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { latestJob } from "@/server/domain/background-jobs/background-jobs";
import { requestRecluster } from "@/server/domain/templates/recluster-job";
import { LONE_TEXT, makeCapture, makeDetected, SUPPORT_TEXTS, TRANSLATE_TEXTS } from "@/server/domain/templates/template-captures.fixture";
import { createTemplateRecluster } from "./functions/template-recluster";
import { createTemplateReclusterSchedule } from "./functions/template-recluster-schedule";
import { startInProcessRunner, type InProcessRunner } from "./in-process-runner";

const t = setUpTestDatabase();
const ENV = ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"];
const saved: Record<string, string | undefined> = {};
let runner: InProcessRunner;

beforeAll(() => {
  for (const k of ENV) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  runner = startInProcessRunner({
    functions: [createTemplateRecluster({ db: () => t.db })],
    backoffMs: () => 10,
    logger: { info: () => {}, warn: () => {}, error: console.error },
  });
});
afterAll(async () => {
  await runner?.stop();
  for (const k of ENV) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});

async function ownerWithInbox() {
  const who = await makeUser(t.db);
  const support = await makeDetected(t.db, who.user.id, "support");
  const translate = await makeDetected(t.db, who.user.id, "translate");
  for (const text of SUPPORT_TEXTS) await makeCapture(t.db, who.user.id, text, { detectedPromptId: support.id });
  for (const text of TRANSLATE_TEXTS) await makeCapture(t.db, who.user.id, text, { detectedPromptId: translate.id });
  await makeCapture(t.db, who.user.id, LONE_TEXT, { detectedPromptId: support.id });
  return who;
}

describe("template-recluster", () => {
  it("runs the requested job: progress to its total, the result stored, the templates written", async () => {
    const a = await ownerWithInbox();
    const { jobId, created } = await requestRecluster(t.db, a.user.id);
    expect(created).toBe(true);
    await runner.idle();
    const job = await latestJob(t.db, "template.recluster", a.user.id);
    expect(job).toMatchObject({ id: jobId, status: "done", total: 20, done: 20, error: null });
    expect(job?.result).toMatchObject({ captures: 10, texts: 10, templates: 2, created: 2, clustered: 9, unclustered: 1 });
    expect(await t.db.promptTemplate.count({ where: { ownerId: a.user.id } })).toBe(2);
  });

  it("the schedule asks for one job per owner with new inbox calls, none for owners already re-clustered or with nothing new", async () => {
    const fresh = await ownerWithInbox();
    const done = await ownerWithInbox();
    await requestRecluster(t.db, done.user.id);
    await runner.idle();
    const idle = await makeUser(t.db);

    const schedule = createTemplateReclusterSchedule({ db: () => t.db });
    expect((schedule as unknown as { opts: { triggers: unknown } }).opts.triggers).toEqual([{ cron: "*/15 * * * *" }]);
    const { result, error } = await new InngestTestEngine({ function: schedule }).execute({ events: [{ name: "inngest/scheduled.timer", data: { cron: "*/15 * * * *" } }] });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ requested: 1 });
    await runner.idle();
    expect(await latestJob(t.db, "template.recluster", fresh.user.id)).toMatchObject({ status: "done" });
    expect(await t.db.backgroundJob.count({ where: { ownerId: done.user.id } })).toBe(1);
    expect(await latestJob(t.db, "template.recluster", idle.user.id)).toBeNull();
    expect(await t.db.promptTemplate.count({ where: { ownerId: fresh.user.id } })).toBe(2);
  });
});
