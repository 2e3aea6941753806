// A user's own model provider in a real browser: Settings → Model providers, the form checks its
// fields before sending, a provider is added with a key and listed with only the key's last four
// characters (the key is nowhere in the page), its models come from the server through that key,
// and it is removed after a confirmation.
import { expect, test } from "@playwright/test";
import { startFakeModelProvider } from "../src/test/fake-model-provider";
import { signUp } from "./support/accounts";

let fake: Awaited<ReturnType<typeof startFakeModelProvider>>;
test.beforeAll(async () => {
  // Its own fake on a free port: this journey needs no other spec's servers.
  fake = await startFakeModelProvider({ openaiModels: ["gpt-4o-mini", "my-local-model"] });
});
test.afterAll(() => fake.close());

const stamp = Date.now().toString(36);
const KEY = `sk-e2e-${stamp}-secret-7f3a`;

test("add a provider in Settings, see only its key hint, use its models, remove it", async ({ page }) => {
  await signUp(page, `prov-${stamp}`);
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Model providers" });
  await expect(section.getByRole("heading", { name: "This site’s providers" })).toBeVisible();
  await expect(section.getByText("No providers of your own yet")).toBeVisible();

  // Checked in the browser with the server's schema: nothing is sent.
  const form = section.getByRole("form", { name: "Add a provider" });
  await form.getByLabel("Kind").selectOption("anthropic");
  await expect(form.getByLabel("Base URL")).toHaveValue("https://api.anthropic.com/v1");
  await form.getByRole("button", { name: "Add provider" }).click();
  await expect(form.getByText("Name is required.")).toBeVisible();
  await expect(form.getByText("API key is required for Anthropic.")).toBeVisible();
  await form.getByLabel("Name").fill("openai");
  await form.getByRole("button", { name: "Add provider" }).click();
  await expect(form.getByText("Name is taken by a built-in provider (openai, anthropic).")).toBeVisible();

  // An OpenAI-compatible server with a key.
  await form.getByLabel("Kind").selectOption("openai-compatible");
  await expect(form.getByLabel("Base URL")).toHaveValue("http://localhost:11434/v1");
  await form.getByLabel("Name").fill("e2e-box");
  await form.getByLabel("Base URL").fill(fake.baseUrl);
  const keyField = form.getByLabel("API key (optional)");
  await expect(keyField).toHaveAttribute("type", "password");
  await keyField.fill(KEY);
  await form.getByRole("button", { name: "Add provider" }).click();
  await expect(form.getByText("Provider “e2e-box” added")).toBeVisible();
  await expect(keyField).toHaveValue("");

  const item = section.getByRole("listitem", { name: "Provider e2e-box" });
  await expect(item).toBeVisible();
  await expect(item.getByText("OpenAI-compatible")).toBeVisible();
  await expect(item.getByText(fake.baseUrl)).toBeVisible();
  await expect(item.getByText("…7f3a")).toBeVisible();
  await expect(item.getByText("from the server’s model list")).toBeVisible();
  // The key is nowhere in the page, nor after a reload (the server sends only the hint).
  expect(await page.content()).not.toContain(KEY);
  await page.reload();
  await expect(section.getByRole("listitem", { name: "Provider e2e-box" }).getByText("…7f3a")).toBeVisible();
  expect(await page.content()).not.toContain(KEY);

  // Its models come from the server, listed with the user's key (as the Test tab's picker reads them).
  const input = encodeURIComponent(JSON.stringify({ json: { provider: "e2e-box" } }));
  const models = await page.request.get(`/api/trpc/harness.models?input=${input}`);
  expect(models.ok()).toBe(true);
  const body = await models.text();
  expect(body).toContain("my-local-model");
  expect(body).not.toContain(KEY);
  expect(fake.listRequests.some((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);

  // A second name is refused by the server, named on the field.
  const form2 = section.getByRole("form", { name: "Add a provider" });
  await form2.getByLabel("Name").fill("e2e-box");
  await form2.getByLabel("Base URL").fill(fake.baseUrl);
  await form2.getByRole("button", { name: "Add provider" }).click();
  await expect(form2.getByText("Name is already one of your providers.")).toBeVisible();

  // Remove, with a confirmation.
  const again = section.getByRole("listitem", { name: "Provider e2e-box" });
  await again.getByRole("button", { name: "Remove e2e-box" }).click();
  await again.getByRole("button", { name: "Confirm remove e2e-box" }).click();
  await expect(section.getByRole("listitem", { name: "Provider e2e-box" })).toHaveCount(0);
  await expect(section.getByText("No providers of your own yet")).toBeVisible();
});
