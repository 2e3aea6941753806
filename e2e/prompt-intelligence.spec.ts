// Prompt intelligence in a real browser: chat calls from two templates (one system prompt each, the
// user turn varying) go through the proxy with the official openai SDK → they show up as two detected
// prompts with two templates after a re-cluster started from the Templates page, and add nothing to
// My prompts → one is promoted from the inbox → it is a library prompt whose version 1 is the
// template, and later calls of that template count as its usage.
import { cli } from "./support/cli";
import type { Server } from "node:http";
import { startFakeChatUpstream, stopServer } from "./support/fake-chat-upstream";
import { expect, test } from "@playwright/test";
import { createTRPCClient, httpLink } from "@trpc/client";
import OpenAI from "openai";
import superjson from "superjson";
import type { AppRouter } from "../src/server/api/root";
import { FAKE_UPSTREAM_PORT } from "../playwright.config";
import { signUp } from "./support/accounts";

const stamp = Date.now().toString(36);

const SUPPORT = "You are a support agent for Acme Corp. Answer the customer's question politely, in at most three sentences, and never promise refunds.";
const TRANSLATE = "Translate the user's text from English into French. Keep the tone, the formatting and any product names exactly as they are.";
const supportQuestions = ["Where is my order 4471?", "Can I change the delivery address of my parcel?", "Do you ship to Norway and Iceland?", "My invoice shows the wrong company name, what should I do?"];
const translations = ["The meeting moves to Thursday at ten.", "Please restart the router before calling us again.", "Our new Promptuary plan includes unlimited captures.", "Thank you for your patience during the upgrade."];
const laterQuestions = ["How long does a return take?", "Is there a warranty on the blender I bought?"];

let upstream: Server;
test.beforeAll(async () => {
  upstream = await startFakeChatUpstream(FAKE_UPSTREAM_PORT, { content: "Done.", promptTokens: 60, completionTokens: 5 });
});
test.afterAll(() => stopServer(upstream));


test("captured templates land in the Detected inbox, not My prompts, and a promoted one counts its later calls", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const handle = `intel-${stamp}`;
  await signUp(page, handle);
  const { key } = JSON.parse(cli("apikey", "create", "--email", `${handle}@example.com`, "--json"));
  const openai = new OpenAI({ apiKey: "sk-provider-e2e", baseURL: `${baseURL}/api/proxy/openai/v1`, defaultHeaders: { "x-promptuary-key": key } });
  const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseURL}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${key}` } })] });
  const chat = (system: string, user: string) => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "system", content: system }, { role: "user", content: user }] });

  // Two templates, four calls each, the user turn varying.
  for (let i = 0; i < 4; i++) {
    await chat(SUPPORT, supportQuestions[i]);
    await chat(TRANSLATE, translations[i]);
  }
  await expect
    .poll(async () => (await api.capture.list.query({ limit: 20 })).items.filter((c) => c.decision !== "pending").length, { timeout: 60_000 })
    .toBe(8);

  // Nothing entered the library: identity fills the inbox instead.
  await page.goto(`/u/${handle}`);
  await expect(page.getByText("You have not published a prompt yet")).toBeVisible();
  expect((await api.prompt.list.query({ author: handle })).items).toEqual([]);

  // Re-cluster from the Templates page and wait for it to finish.
  await page.goto("/captures/templates");
  await expect(page.getByRole("navigation", { name: "Captures" }).getByRole("link", { name: /Templates/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Re-cluster now" }).click();
  await expect(page.getByText("Re-clustered just now.")).toBeVisible({ timeout: 60_000 });
  const templates = page.getByRole("table").getByRole("row");
  await expect(templates).toHaveCount(3); // the header and two templates
  await expect(page.getByRole("table")).toContainText("support agent for Acme Corp");
  await expect(page.getByRole("table")).toContainText("Translate the user's text");

  // The Detected inbox: two entries, each with its template.
  await page.getByRole("navigation", { name: "Captures" }).getByRole("link", { name: /Detected/ }).click();
  await expect(page).toHaveURL(/\/captures\/detected$/);
  const inbox = page.getByRole("list", { name: "Inbox prompts" });
  const entries = inbox.getByRole("article");
  await expect(entries).toHaveCount(2);
  const support = entries.filter({ hasText: "support agent for Acme Corp" });
  const translate = entries.filter({ hasText: "Translate the user's text" });
  await expect(support).toContainText("4 calls");
  await expect(translate).toContainText("4 calls");
  await expect(support.getByLabel(/^Template of/)).toContainText("{{");
  await expect(translate.getByLabel(/^Template of/)).toContainText("{{");

  // A template's page: the values each call gave its variable, one row per call.
  await translate.getByRole("link", { name: /Values per call/ }).click();
  await expect(page).toHaveURL(/\/captures\/templates\/[^/]+$/);
  await expect(page.getByLabel("Template text")).toContainText(TRANSLATE);
  const values = page.getByRole("table");
  await expect(values.getByRole("row")).toHaveCount(1 + translations.length);
  for (const text of translations) await expect(values).toContainText(text);
  await page.goto("/captures/detected");

  // Promote the support prompt: title edited, category chosen.
  await support.getByRole("button", { name: /^Promote/ }).click();
  const dialog = page.getByRole("dialog", { name: "Promote to My prompts" });
  await expect(dialog.getByLabel("Title")).not.toHaveValue("");
  const title = `Acme support answers ${stamp}`;
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Category").selectOption("support");
  await dialog.getByRole("button", { name: "Promote", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/").pop()!;

  // Version 1 is the template: the system prompt with the user turn as a variable.
  const prompt = await api.prompt.bySlug.query({ slug });
  const versions = await api.version.list.query({ promptId: prompt.id });
  expect(versions.items).toHaveLength(1);
  expect(versions.items[0].number).toBe(1);
  expect(versions.items[0].body).toContain(SUPPORT);
  expect(versions.items[0].body).toMatch(/\{\{\w+\}\}/);
  await expect(page.getByText(SUPPORT).first()).toBeVisible();

  // It is in My prompts now; the inbox keeps the other one.
  await page.goto(`/u/${handle}`);
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
  await page.goto("/captures/detected");
  await expect(page.getByRole("list", { name: "Inbox prompts" }).getByRole("article")).toHaveCount(1);
  await page.getByRole("link", { name: /^Promoted/ }).click();
  await expect(page.getByRole("article").filter({ hasText: "In your library as" })).toContainText(title);

  // Later calls of the template are uses of the promoted prompt.
  for (const q of laterQuestions) await chat(SUPPORT, q);
  await expect
    .poll(async () => (await api.capture.list.query({ decision: "same", limit: 50 })).items.filter((c) => c.resultPrompt?.slug === slug).length, { timeout: 60_000 })
    .toBe(supportQuestions.length + laterQuestions.length);
  await page.goto("/captures?decision=same");
  await expect(page.getByRole("link", { name: `same: ${title}` })).toHaveCount(supportQuestions.length + laterQuestions.length);
  // Still nothing new in the inbox, and only the one prompt in the library.
  expect((await api.detected.list.query({})).counts).toMatchObject({ detected: 1, promoted: 1 });
  expect((await api.prompt.list.query({ author: handle })).items.map((p) => p.slug)).toEqual([slug]);
});
