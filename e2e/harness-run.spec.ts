// The test harness in a real browser: the demo user opens a prompt's Test tab, picks two models of
// a fake OpenAI-compatible provider (the "fake" provider of playwright.config.ts), runs, and watches
// both columns fill token by token with tokens, cost and latency; assertions show pass and fail;
// the run is kept in the history and can be compared with another.
import { expect, test } from "@playwright/test";
import { FAKE_MODELS_PORT } from "../playwright.config";
import { defaultBehaviour, startFakeModelProvider } from "../src/test/fake-model-provider";
import { createPrompt, signIn } from "./support/accounts";

let fake: Awaited<ReturnType<typeof startFakeModelProvider>>;
test.beforeAll(async () => {
  fake = await startFakeModelProvider({
    port: FAKE_MODELS_PORT,
    // One word every 120 ms, so the browser sees the columns fill rather than appear whole.
    behave: (model, prompt) => ({ ...defaultBehaviour(model, prompt, { slowMs: 5000 }), chunkDelayMs: 120 }),
  });
});
test.afterAll(() => fake.close());

const stamp = Date.now().toString(36);

test("run a prompt on two models and watch both columns fill", async ({ page }) => {
  await signIn(page, "demo@example.com", "promptuary-demo");
  const url = await createPrompt(page, `Harness check ${stamp}`, "Summarise {{topic}} for a busy reader.");

  await page.goto(`${url}?tab=test`);
  const tryIt = page.getByRole("region", { name: "Try it" });
  await expect(tryIt.getByRole("tab", { name: "Test with models" })).toHaveAttribute("aria-selected", "true");
  const panel = tryIt.getByRole("tabpanel", { name: "Test with models" });
  await panel.getByLabel("topic").fill("the Promptuary changelog");

  // The fake provider's models, with prices per 1M tokens and context sizes.
  const fakeGroup = panel.getByRole("group", { name: /fake/ });
  await expect(fakeGroup.getByText("gpt-4o-mini")).toBeVisible();
  await expect(fakeGroup.getByText("$0.15 / $0.6 per 1M").first()).toBeVisible();
  await expect(fakeGroup.getByText(/128k context/).first()).toBeVisible();
  // A model with no price says so rather than showing $0.
  await expect(fakeGroup.locator("label", { hasText: "nousage-model" }).getByText("price unknown")).toBeVisible();
  // Providers without a key are listed, disabled, with why.
  await expect(panel.getByRole("group", { name: /anthropic/ }).getByText(/No API key/)).toBeVisible();

  await fakeGroup.getByLabel(/gpt-4o-mini/).check();
  await fakeGroup.getByLabel(/gpt-4\.1-nano/).check();
  await expect(panel.getByTestId("picked-model")).toHaveCount(2);
  await panel.getByLabel("Temperature").first().fill("0.3");

  // One assertion every column passes and one every column fails.
  await panel.getByLabel("Assertion 1 text").fill("Promptuary changelog");
  await panel.getByRole("button", { name: "Add assertion" }).click();
  await panel.getByLabel("Assertion 2 type").selectOption("not-contains");
  await panel.getByLabel("Assertion 2 text").fill("says");

  await panel.getByRole("button", { name: "Run on 2 models" }).click();

  const cells = panel.getByTestId("run-cell");
  await expect(cells).toHaveCount(2);
  const mini = panel.getByRole("article", { name: "fake/gpt-4o-mini" });
  const nano = panel.getByRole("article", { name: "fake/gpt-4.1-nano" });
  // Token by token: while streaming, a column holds part of its answer.
  await expect(nano).toHaveAttribute("data-status", "running");
  await expect(nano.getByTestId("cell-output")).toContainText("gpt-4.1-nano says:");
  await expect(nano.getByTestId("cell-output")).not.toContainText("busy reader.");

  for (const [cell, model] of [
    [mini, "gpt-4o-mini"],
    [nano, "gpt-4.1-nano"],
  ] as const) {
    await expect(cell).toHaveAttribute("data-status", "done");
    await expect(cell.getByTestId("cell-output")).toHaveText(`${model} says: Summarise the Promptuary changelog for a busy reader.`);
    await expect(cell.getByTestId("cell-tokens")).toHaveText(/^\d+ in · \d+ out$/);
    await expect(cell.getByTestId("cell-cost")).toHaveText(/^\$0\.\d+$/);
    await expect(cell.getByTestId("cell-latency")).toHaveText(/^\d+ ms$|^\d+\.\d+ s$/);
    await expect(cell.getByTestId("cell-ttft")).toHaveText(/^\d+ ms$/);
    await expect(cell.getByTestId("cell-finish")).toHaveText("stop");
    await expect(cell.locator('[data-testid="assertion-result"][data-pass="true"]')).toContainText("contains");
    await expect(cell.locator('[data-testid="assertion-result"][data-pass="false"]')).toContainText('contains "says"');
  }
  await expect(panel.getByTestId("run-summary")).toContainText("2/4 checks passed");
  // The temperature reached the provider for the first model only.
  const sent = fake.requests.filter((r) => r.prompt.includes("the Promptuary changelog"));
  expect(sent.find((r) => r.model === "gpt-4o-mini")?.body.temperature).toBe(0.3);
  expect(sent.find((r) => r.model === "gpt-4.1-nano")?.body.temperature).toBeUndefined();

  // The run is in the history; a second run can be compared with it, model by model.
  await expect(panel.getByTestId("run-history").getByRole("listitem")).toHaveCount(1);
  await panel.getByRole("button", { name: "Run on 2 models" }).click();
  await expect(panel.getByTestId("run-history").getByRole("listitem")).toHaveCount(2);
  await expect(panel.getByTestId("run-summary")).toContainText("2/4 checks passed");
  await panel.getByRole("button", { name: "Compare runs" }).click();
  const compare = panel.getByTestId("run-compare");
  await expect(compare.getByRole("article")).toHaveCount(4);
  await expect(compare.getByText("fake/gpt-4o-mini")).toBeVisible();
});

test("signed out, the Test tab asks to sign in", async ({ page }) => {
  await page.goto("/explore");
  const first = page.locator('a[href^="/p/"]').first();
  const href = await first.getAttribute("href");
  await page.goto(`${href}?tab=test`);
  await expect(page.getByTestId("test-signed-out")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to test" })).toHaveAttribute("href", /signin\?callbackUrl=/);
});
