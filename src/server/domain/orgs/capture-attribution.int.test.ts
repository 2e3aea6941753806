// A member's captured calls count as uses of their organisation's prompts (capture.attribute);
// nobody else's do, whatever the prompt's visibility, and a member who leaves stops counting.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/server/db/prisma";
import { createPrompt } from "@/server/domain/prompts/create-prompt";
import { makeUser } from "@/test/callers";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";
import { identifyCapture } from "../identity/identify-capture";
import { localEmbedder } from "../embeddings/local-embedder";
import { createOrg } from "./create-org";
import { removeMember } from "./membership-changes";

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => t?.close());

const BODY = "You are the Acme escalation desk. Summarise the ticket {{ticket}} for the on-call engineer in three bullet points and name the affected service.";
const rendered = (ticket: string) => BODY.replace("{{ticket}}", ticket);
const capture = (ownerId: string, promptText: string) =>
  db.capture.create({ data: { ownerId, provider: "openai", endpoint: "/chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 20, promptText } });

describe("capture attribution to organisation prompts", () => {
  test("members' calls are uses of the organisation's prompt; outsiders' never; leaving ends it", async () => {
    const admin = await makeUser(db);
    const member = await makeUser(db);
    const outsider = await makeUser(db);
    const org = await createOrg(db, admin.actor, { name: "Acme Ops", slug: `acme-ops-${process.pid}` });
    await db.membership.create({ data: { orgId: org.id, userId: member.user.id, role: "consumer" } });
    const prompt = await createPrompt(db, admin.actor, { title: "Escalation summary", description: "", category: "writing", tags: [], visibility: "public", body: BODY, orgId: org.id });

    const mine = await identifyCapture(db, (await capture(member.user.id, rendered("Disk full on db-3"))).id, localEmbedder);
    expect(mine).toMatchObject({ decision: "same", matchedPromptId: prompt.id, matchedVersionId: prompt.version.id, variableValues: { ticket: "Disk full on db-3" } });

    // A public prompt, but not theirs to count: the outsider's call is not a use of it.
    const theirs = await identifyCapture(db, (await capture(outsider.user.id, rendered("Queue stuck on mq-1"))).id, localEmbedder);
    expect(theirs.matchedPromptId).not.toBe(prompt.id);

    await removeMember(db, admin.actor, { orgId: org.id, handle: member.user.handle });
    const after = await identifyCapture(db, (await capture(member.user.id, rendered("Certificate expired on web-2"))).id, localEmbedder);
    expect(after.matchedPromptId).not.toBe(prompt.id);
  });
});
