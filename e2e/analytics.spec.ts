// Analytics in a real browser: a creator's prompt gets views (an anonymous visitor and a reader), a
// like and a captured use (a call through the capture proxy that renders the prompt) → the rollup
// job runs (`npm run cli -- rollup`) → the creator's dashboard shows them in its totals, its charts
// and its top prompts, and a chart downloads as CSV; the prompt page shows its analytics to its
// owner only; /admin is the admin's overview and a not-found page for anyone else.
import { cli } from "./support/cli";
import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { startFakeChatUpstream, stopServer } from "./support/fake-chat-upstream";
import { expect, test, type Page } from "@playwright/test";
import OpenAI from "openai";
import { FAKE_UPSTREAM_PORT } from "../playwright.config";
import { createPrompt, signIn, signUp } from "./support/accounts";

const stamp = Date.now().toString(36);
const BODY = "Summarise the following support ticket for the on-call engineer in three bullet points, most urgent first.\n\nTicket:\n{{ticket}}";
const TITLE = `Ticket triage ${stamp}`;

let upstream: Server;
test.beforeAll(async () => {
  upstream = await startFakeChatUpstream(FAKE_UPSTREAM_PORT, { content: "- Disk full on db-3", promptTokens: 50, completionTokens: 8 });
});
test.afterAll(() => stopServer(upstream));


/** A row's value in the About box of a prompt page. */
const aboutValue = (page: Page, term: string) => page.getByRole("complementary", { name: "About this prompt" }).locator("dl > div").filter({ has: page.getByText(term, { exact: true }) }).locator("dd");

test("a creator's views, like and captured use reach the dashboard's charts after the rollup", async ({ page, browser, baseURL }) => {
  // The creator: an account with an API key for the capture proxy, signed in in the browser.
  const email = `creator-${stamp}@example.com`;
  cli("user", "create", "--email", email, "--password", "creator-password-1", "--handle", `creator-${stamp}`);
  const { key } = JSON.parse(cli("apikey", "create", "--email", email, "--json"));
  await signIn(page, email, "creator-password-1");

  // Before anything happened: the dashboard says what to do.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Nothing happened to your prompts in the last 30 days")).toBeVisible();
  await expect(page.getByRole("link", { name: "New prompt" }).last()).toBeVisible();

  const promptUrl = await createPrompt(page, TITLE, BODY);
  const slugPath = new URL(promptUrl).pathname;

  // A view from an anonymous visitor.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(slugPath);
  await expect(visitor.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  // The analytics panel is its owner's only.
  await expect(visitor.getByRole("heading", { name: "Analytics" })).toHaveCount(0);
  await anonymous.close();

  // A reader views it and likes it.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await signUp(reader, `reader-${stamp}`);
  await reader.goto(slugPath);
  await reader.getByRole("button", { name: /^Like/ }).click();
  await expect(reader.getByRole("button", { name: /^Liked/ })).toBeVisible();
  await expect(reader.getByRole("heading", { name: "Analytics" })).toHaveCount(0);
  // Not an admin: the admin overview does not exist for them.
  await reader.goto("/admin");
  await expect(reader.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await readerContext.close();

  // A captured use: the creator's app calls the model with the prompt rendered, through the proxy.
  const openai = new OpenAI({ apiKey: "sk-provider-e2e", baseURL: `${baseURL}/api/proxy/openai/v1`, defaultHeaders: { "x-promptuary-key": key } });
  const rendered = BODY.replace("{{ticket}}", "db-3 ran out of disk at 02:14 UTC; writes fail and the nightly backup did not start.");
  const reply = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: rendered }] });
  expect(reply.choices[0].message.content).toBe("- Disk full on db-3");
  // Identity runs after the capture is stored: the prompt page counts the call once it is decided.
  await expect
    .poll(
      async () => {
        await page.goto(slugPath);
        return aboutValue(page, "Captured calls").textContent();
      },
      { timeout: 45_000, intervals: [1000, 2000] },
    )
    .toBe("1");

  // The job: every complete hour into the rollups (events of this hour stay raw and still count).
  expect(cli("rollup")).toMatch(/^Rolled up \d+ hours/);

  // The dashboard: totals, charts and top prompts show the views, the like and the captured use.
  await expect
    .poll(
      async () => {
        await page.goto("/dashboard");
        const text = async (f: string) => (await page.locator(`[data-figure="${f}"]`).textContent()) ?? "";
        return [Number(await text("views")) >= 2, await text("likes"), await text("capturedUses")];
      },
      { timeout: 30_000, intervals: [1000, 2000] },
    )
    .toEqual([true, "1", "1"]);

  // Each figure group is a recharts chart with its legend totals and drawn marks.
  const engagement = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Likes and forks" }) });
  await expect(engagement.getByRole("list", { name: "Totals in this period" })).toContainText("Likes1");
  await expect(engagement.locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect").first()).toBeAttached();
  const usage = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Captured uses and harness runs" }) });
  await expect(usage.getByRole("list", { name: "Totals in this period" })).toContainText("Captured uses1");
  const traffic = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Views, renders and copies" }) });
  await expect(traffic.locator(".recharts-area-area").first()).toBeAttached();

  // Top prompts names it, with its figures.
  const row = page.getByRole("row", { name: new RegExp(TITLE) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(3)).toHaveText("1"); // Likes

  // Each chart's data downloads as CSV.
  const [download] = await Promise.all([page.waitForEvent("download"), engagement.getByRole("button", { name: "Download CSV: Likes and forks" }).click()]);
  const csv = await readFile(await download.path(), "utf8");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe("bucket,likes,forks");
  expect(rows).toHaveLength(30);
  expect(rows.reduce((sum, r) => sum + Number(r.split(",")[1]), 0)).toBe(1);

  // From the keyboard a chart is one Tab stop whose arrow keys walk its buckets in a tooltip.
  await engagement.getByRole("button", { name: "Download CSV: Likes and forks" }).focus();
  await page.keyboard.press("Tab");
  await expect(engagement.locator("svg.recharts-surface")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(engagement.locator(".recharts-tooltip-wrapper")).toContainText(/Likes\s*\d/);
  await page.keyboard.press("Tab");
  await expect(usage.getByRole("button", { name: "Download CSV: Captured uses and harness runs" })).toBeFocused();

  // The period picker: the last 24 hours in hourly buckets, in the URL (everything above happened in it).
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "24 hours" }).click();
  await expect(page).toHaveURL(/\/dashboard\?period=24h$/);
  await expect(page.getByText(/last 24 hours: current to the minute, in hourly UTC buckets/)).toBeVisible();
  await expect(page.locator('[data-figure="likes"]')).toHaveText("1");
  await expect(page.locator('[data-figure="capturedUses"]')).toHaveText("1");

  // The prompt's own analytics on its page, for its owner.
  await page.goto(slugPath);
  const panel = page.getByRole("region", { name: "Analytics" });
  await expect(panel.getByText("Only you see this.")).toBeVisible();
  await expect(panel.locator('[data-figure="likes"]')).toHaveText("1");
  await expect(panel.locator('[data-figure="capturedUses"]')).toHaveText("1");
  await panel.getByRole("button", { name: "30 days" }).click();
  await expect(panel.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(panel.locator('[data-figure="likes"]')).toHaveText("1");
});

test("the admin overview is for admins: site figures, sources, models and signups", async ({ page }) => {
  await signIn(page, "admin@example.com", "promptuary-demo");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin overview" })).toBeVisible();
  for (const name of ["Views, renders and copies", "Likes and forks", "Usage per source", "Signups"]) await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  for (const name of ["Captured calls per model", "Top prompts", "Top authors"]) await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  // The first test's captured call is in the per-model table; its signups in the chart's total.
  await expect(page.getByRole("row", { name: /gpt-4o-mini/ })).toBeVisible();
  await expect(page.getByText(/new accounts? in this period/)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV: captured calls per model" }).click()]);
  expect((await readFile(await download.path(), "utf8")).split(/\r?\n/)[0]).toMatch(/model/);

  // An admin sees any prompt's analytics on its page, told why.
  await page.goto("/p/explain-at-three-levels");
  const panel = page.getByRole("region", { name: "Analytics" });
  await expect(panel.getByText("Shown to you as an admin.")).toBeVisible();
  await expect(panel.locator('[data-figure="views"]')).toHaveText(/^\d[\d,]*$/);
});
