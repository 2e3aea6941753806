// A harness batch in a real browser: the demo user uploads a CSV in the Test tab, sees a bad row
// reported by row and column before anything runs, uploads a good file, sees the preview, runs it,
// and follows the batch page's progress bar to the results table, the row matrix and the CSV.
// A second batch is cancelled mid-run. With SHOTS_DIR set, screenshots at 1280 and 390 px go there.
import { expect, test, type Page } from "@playwright/test";
import { FAKE_MODELS_PORT } from "../playwright.config";
import { defaultBehaviour, startFakeModelProvider } from "../src/test/fake-model-provider";
import { createPrompt, signIn } from "./support/accounts";

let fake: Awaited<ReturnType<typeof startFakeModelProvider>>;
test.beforeAll(async () => {
  // 250 ms per answer: 40 rows × 2 models at 10 calls at a time take about two seconds, long
  // enough to watch the progress bar move.
  fake = await startFakeModelProvider({ port: FAKE_MODELS_PORT, behave: (model, prompt) => ({ ...defaultBehaviour(model, prompt, { slowMs: 5000 }), delayMs: 250 }) });
});
test.afterAll(() => fake.close());

const stamp = Date.now().toString(36);
const csv = (rows: string[]) => ({ name: "rows.csv", mimeType: "text/csv", buffer: Buffer.from(`topic\n${rows.join("\n")}\n`) });

async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function openBatchForm(page: Page) {
  await signIn(page, "demo@example.com", "promptuary-demo");
  const url = await createPrompt(page, `Batch check ${stamp}-${Math.random().toString(36).slice(2, 6)}`, "Write one line about {{topic}}.");
  await page.goto(`${url}?tab=test`);
  const panel = page.getByRole("region", { name: "Try it" }).getByRole("tabpanel", { name: "Test with models" });
  const fakeGroup = panel.getByRole("group", { name: /fake/ });
  await fakeGroup.getByLabel(/gpt-4o-mini/).check();
  await fakeGroup.getByLabel(/gpt-4\.1-nano/).check();
  await panel.getByLabel("Assertion 1 text").fill("mini");
  return panel.getByRole("region", { name: "Run a batch" });
}

test("upload rows, see bad rows before running, run a batch and read its results", async ({ page }) => {
  const form = await openBatchForm(page);
  const file = form.getByLabel(/Choose a CSV or JSONL file/);

  // A bad file: a row with two fields, and a column that is not a variable.
  await file.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("topic,colour\ntides,blue\nbees\n") });
  await expect(form.getByRole("alert")).toContainText('header, column colour: column "colour" is not a variable of this version (variables: topic)');
  await expect(form.getByRole("alert")).toContainText("row 2: has 1 field, the header has 2");
  await expect(form.getByRole("button", { name: "Run batch" })).toBeDisabled();
  await shot(page, "batch-upload-errors");

  const topics = Array.from({ length: 40 }, (_, i) => `topic ${i + 1}`);
  await form.getByLabel(/Choose another file/).setInputFiles(csv(topics));
  await expect(form.getByText(/40 rows \(CSV\) × 2 models = 80 calls/)).toBeVisible();
  await expect(form.getByRole("table")).toContainText("topic 1");
  await expect(form.getByText("…and 35 more")).toBeVisible();
  await shot(page, "batch-upload-preview");
  await form.getByRole("button", { name: "Run 80 calls" }).click();

  await expect(page).toHaveURL(/\/harness\/batches\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Batch of 40 rows × 2 models");
  const bar = page.getByRole("progressbar", { name: "Batch progress" });
  await expect(bar).toHaveAttribute("aria-valuemax", "80");
  await shot(page, "batch-running");
  await expect(page.getByText("done", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "80");
  await expect(page.getByText("80 of 80 calls")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel batch" })).toHaveCount(0);

  const byModel = page.getByRole("region", { name: "Results by model" });
  // "mini" is in gpt-4o-mini's answers only: it passes every row, nano none.
  await expect(byModel.getByRole("row", { name: /^gpt-4o-mini/ })).toContainText("100%");
  await expect(byModel.getByRole("row", { name: /^gpt-4\.1-nano/ })).toContainText("0%");
  await expect(byModel.getByRole("row", { name: /^All models/ })).toContainText("50%");
  await expect(page.getByRole("region", { name: "Pass rate by assertion" })).toContainText("contains");
  const matrix = page.getByRole("region", { name: "Rows × models" });
  await expect(matrix).toContainText("gpt-4o-mini says: Write one line about topic 1.");
  await expect(matrix.getByText("Rows 1–25 of 40")).toBeVisible();
  await matrix.getByRole("button", { name: "Next rows" }).click();
  await expect(matrix).toContainText("Write one line about topic 40.");
  await shot(page, "batch-done");

  // The CSV export: one line per cell, the owner's session is enough.
  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const lines = (await response.text()).trim().split("\r\n");
  expect(lines).toHaveLength(81);
  expect(lines[0]).toContain("row,topic,provider,model,status,output");
});

test("cancel a running batch: finished calls are kept, the rest are not run", async ({ page }) => {
  const form = await openBatchForm(page);
  const topics = Array.from({ length: 200 }, (_, i) => `slow topic ${i + 1}`);
  await form.getByLabel(/Choose a CSV or JSONL file/).setInputFiles(csv(topics));
  await form.getByRole("button", { name: "Run 400 calls" }).click();
  await expect(page).toHaveURL(/\/harness\/batches\/[^/]+$/);
  await expect(page.getByText(/^[1-9]\d* of 400 calls/)).toBeVisible();
  await page.getByRole("button", { name: "Cancel batch" }).click();
  await expect(page.getByText("cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText(/Cancelled: \d+ calls were not run/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel batch" })).toHaveCount(0);
  await shot(page, "batch-cancelled");
});
