// Prompts fetched at run time with labels and an A/B split: the owner makes a second version, puts
// a custom label on v1 and splits it 70/30 with v2 on the prompt page, sees each move in the label
// history; a read key made in Settings fetches the label over HTTP (which version it got in the body
// and a header, 304 for its ETag), renders it with POST, and the label's results count what was
// served per version. The Connect page shows the TypeScript and Python clients.
import { expect, test } from "@playwright/test";
import { createPrompt, signUp } from "./support/accounts";

test("custom label, A/B split, runtime endpoint with ETag, results per version", async ({ page, request, baseURL }) => {
  const stamp = Date.now().toString(36);
  await signUp(page, `labels${stamp}`);
  const promptUrl = await createPrompt(page, `Ticket triage ${stamp}`, "Triage {{ticket}} for the support team.");
  const slug = new URL(promptUrl).pathname.split("/").pop()!;
  await page.getByRole("link", { name: "New version" }).click();
  await page.getByRole("textbox", { name: "Body", exact: true }).fill("Triage {{ticket}} for the support team, most urgent first.");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page).toHaveURL(promptUrl);

  // A custom label on v1; a bad name is refused in the form, naming the field.
  const labels = page.getByRole("region", { name: "Labels" });
  await labels.getByRole("button", { name: "Add a label" }).click();
  const form = labels.getByRole("form", { name: "Set a label" });
  await form.getByLabel("Label", { exact: true }).fill("Staging!");
  await form.getByLabel("Version", { exact: true }).selectOption({ label: "v1" });
  await form.getByRole("button", { name: "Save label" }).click();
  await expect(form.getByText("Label must hold only lowercase letters, digits, - and _.")).toBeVisible();
  await form.getByLabel("Label", { exact: true }).fill("staging");
  await form.getByRole("button", { name: "Save label" }).click();
  await expect(labels.getByText("staging now points at v1.")).toBeVisible();

  // Split it: 30% to v2.
  await labels.getByRole("button", { name: "Move or split staging" }).click();
  await form.getByRole("checkbox", { name: /Split traffic/ }).check();
  await form.getByLabel("Second version", { exact: true }).selectOption({ label: "v2" });
  await form.getByLabel("Its share of traffic (%)").fill("30");
  await form.getByRole("button", { name: "Save label" }).click();
  await expect(labels.getByText("staging now sends 70% to v1 and 30% to v2.")).toBeVisible();
  const stagingRow = labels.getByRole("list", { name: "Labels" }).getByRole("listitem").filter({ hasText: "staging" });
  await expect(stagingRow).toContainText("v1 70%");
  await expect(stagingRow).toContainText("v2 30%");
  const history = labels.getByRole("list", { name: "Label history" });
  await expect(history.getByRole("listitem").first()).toContainText("split changed: v1 70% / v2 30%");
  await expect(history).toContainText("set to v1");
  await expect(history).toContainText("moved v1 → v2"); // latest, when v2 was saved

  // A read key, made in the browser.
  await page.goto("/settings");
  await page.getByLabel("Key name").fill("runtime");
  for (const scope of ["Write", "Proxy", "Admin"]) await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.locator("#api-key-value").inputValue();
  expect(key).toMatch(/^pq_[A-Za-z0-9]{32}$/);

  const url = `${baseURL}/api/v1/prompts/${slug}?label=staging`;
  const served: Record<string, number> = { "1": 0, "2": 0 };
  for (let i = 0; i < 40; i++) {
    const res = await request.get(url, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(String(body.version)).toBe(res.headers()["x-promptuary-version"]);
    expect(body).toMatchObject({ slug, label: "staging", split: { label: "staging", versions: [{ number: 1, percent: 70 }, { number: 2, percent: 30 }] } });
    served[String(body.version)]++;
  }
  // 40 draws at 30%: either version missing has a chance below 1e-6.
  expect(served["1"]).toBeGreaterThan(0);
  expect(served["2"]).toBeGreaterThan(0);

  const v1 = await request.get(`${baseURL}/api/v1/prompts/${slug}?version=1`, { headers: { "x-promptuary-key": key } });
  const etag = v1.headers()["etag"];
  const again = await request.get(`${baseURL}/api/v1/prompts/${slug}?version=1`, { headers: { "x-promptuary-key": key, "if-none-match": etag } });
  expect(again.status()).toBe(304);
  const rendered = await request.post(`${baseURL}/api/v1/prompts/${slug}?version=2`, { headers: { authorization: `Bearer ${key}` }, data: { variables: { ticket: "Printer on fire" } } });
  expect(await rendered.json()).toMatchObject({ version: 2, text: "Triage Printer on fire for the support team, most urgent first." });
  const missing = await request.post(url, { headers: { authorization: `Bearer ${key}` }, data: { variables: {} } });
  expect(missing.status()).toBe(400);
  expect(await missing.json()).toMatchObject({ fieldErrors: { "variables.ticket": ["is required"] } });
  expect((await request.get(url)).status()).toBe(401);

  // The label's results: what the endpoint served per version (written a moment later).
  await page.goto(promptUrl);
  await expect(async () => {
    await page.reload();
    const row = page.getByRole("region", { name: "Labels" }).getByRole("list", { name: "Labels" }).getByRole("listitem").filter({ hasText: "staging" });
    await row.getByRole("button", { name: "Results of staging" }).click();
    const table = row.getByRole("table");
    // Served by the API: the label's fetches plus the ones by number above (v1 twice, v2 rendered once).
    await expect(table.getByRole("row", { name: /^v1/ })).toContainText(`70%${served["1"] + 2}`, { timeout: 1_000 });
    await expect(table.getByRole("row", { name: /^v2/ })).toContainText(`30%${served["2"] + 1}`, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  await page.goto("/connect");
  const runtime = page.getByRole("region", { name: "Fetch prompts at run time" });
  await expect(runtime.getByText("getPrompt(", { exact: false }).first()).toBeVisible();
  await runtime.getByRole("tab", { name: "Python" }).click();
  await expect(runtime.getByText("def get_prompt(", { exact: false })).toBeVisible();
});
