// Governance in a real browser: an organisation with an owner, a contributor and a consumer; the
// contributor proposes a version of a members-only prompt, the consumer does not see it, the owner
// approves it from the review queue, the consumer then sees the new version, and the audit log
// page lists the proposal, the approval and the label move. The organisation and its members are
// set up through the API (org.create, org.setRole) from the signed-in pages.
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/accounts";

const stamp = Date.now().toString(36);

/** A tRPC mutation as the page's signed-in user (same origin, session cookie). */
async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }) });
      return { status: res.status, body: await res.json() };
    },
    { path, input },
  );
  expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
  return answer.body.result.data.json as T;
}

test("a contributor proposes, an owner approves, a consumer sees it, the audit log shows it", async ({ page, browser }) => {
  const owner = `gov-owner-${stamp}`;
  const contributor = `gov-contrib-${stamp}`;
  const consumer = `gov-consumer-${stamp}`;
  const title = `Incident summary ${stamp}`;

  const contributorContext = await browser.newContext();
  const consumerContext = await browser.newContext();
  const contributorPage = await contributorContext.newPage();
  const consumerPage = await consumerContext.newPage();
  await signUp(page, owner);
  await signUp(contributorPage, contributor);
  await signUp(consumerPage, consumer);

  const org = await mutate<{ id: string; slug: string }>(page, "org.create", { name: `Ops ${stamp}`, slug: `ops-${stamp}` });
  await mutate(page, "org.setRole", { orgId: org.id, handle: contributor, role: "contributor" });
  await mutate(page, "org.setRole", { orgId: org.id, handle: consumer, role: "consumer" });
  const prompt = await mutate<{ slug: string }>(page, "prompt.create", {
    title,
    category: "writing",
    body: "Summarise the incident {{incident}} for the on-call team.",
    visibility: "members",
    orgId: org.id,
  });
  const promptPath = `/p/${prompt.slug}`;

  // The contributor proposes version 2 from the prompt page.
  await contributorPage.goto(promptPath);
  await contributorPage.getByRole("link", { name: "Propose a version" }).click();
  await expect(contributorPage.getByRole("heading", { level: 1, name: "Propose a version" })).toBeVisible();
  await contributorPage.getByRole("textbox", { name: "Body", exact: true }).fill("Summarise the incident {{incident}} for the on-call team, with a timeline and the customer impact.");
  await contributorPage.getByRole("textbox", { name: "Changelog", exact: true }).fill("Timeline and impact");
  await contributorPage.getByRole("button", { name: "Propose for review" }).click();
  const versions = contributorPage.getByRole("list", { name: "Versions, newest first" });
  await expect(versions.getByText("Timeline and impact")).toBeVisible();
  await expect(versions.getByText("In review")).toBeVisible();

  // The consumer sees version 1 only.
  await consumerPage.goto(promptPath);
  await expect(consumerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(consumerPage.getByText("Timeline and impact")).toHaveCount(0);
  await expect(consumerPage.getByText(/with a timeline and the customer impact/)).toHaveCount(0);
  await expect(consumerPage.getByRole("link", { name: /Propose a version|New version/ })).toHaveCount(0);

  // The owner finds it in the review queue (the header says one waits) and approves it.
  await page.goto("/reviews");
  await expect(page.getByRole("link", { name: "Reviews (1)" }).first()).toBeAttached();
  const queue = page.getByRole("list", { name: "Proposals waiting for your review" });
  await expect(queue.getByRole("link", { name: new RegExp(`${title} v2`) })).toBeVisible();
  await queue.getByRole("button", { name: "Approve v2" }).click();
  await expect(page.getByText("v2 is approved and published.")).toBeVisible();
  await expect(page.getByText("Nothing waits for you")).toBeVisible();

  // The consumer now sees version 2 as the prompt's body.
  await consumerPage.reload();
  await expect(consumerPage.getByText(/with a timeline and the customer impact/).first()).toBeVisible();
  await expect(consumerPage.getByText("Timeline and impact").first()).toBeVisible();

  // The audit log (the organisation's owners read it) shows the three steps, each with who did it.
  await page.goto(`/audit?org=${org.slug}`);
  const entries = page.getByRole("table", { name: "Audit entries, newest first" });
  await expect(entries.getByRole("row").filter({ hasText: "Proposed a version" }).filter({ hasText: `@${contributor}` })).toHaveCount(1);
  await expect(entries.getByRole("row").filter({ hasText: "Approved a version" }).filter({ hasText: `@${owner}` })).toHaveCount(1);
  await expect(entries.getByRole("row").filter({ hasText: "Moved a label" }).filter({ hasText: "latest: v2" })).toHaveCount(1);

  await contributorContext.close();
  await consumerContext.close();
});
