// The foundation journey in a real browser: sign up → create a prompt → save v2 → view the diff →
// render with variables → a second user forks it → lineage shows both.
import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";

const stamp = Date.now().toString(36);

test("create, version, diff, render, fork and lineage", async ({ page, browser }) => {
  const author = `author-${stamp}`;
  const title = `Release notes writer ${stamp}`;
  await signUp(page, author);

  // Create a prompt; the editor detects variables while typing.
  await page.goto("/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Turns merged PR titles into release notes.");
  await page.getByLabel("Category").selectOption("writing");
  await page.getByRole("textbox", { name: "Body", exact: true }).fill("Write release notes for {{product}}.\nAudience: {{audience|customers}}.\nChanges:\n{{changes}}");
  await expect(page.getByText("3 detected")).toBeVisible();
  await page.getByRole("button", { name: "Publish prompt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const promptUrl = page.url();

  // Save version 2.
  await page.getByRole("link", { name: "New version" }).click();
  await expect(page.getByText(/version 2/i).first()).toBeVisible();
  await page.getByRole("textbox", { name: "Body", exact: true }).fill("Write release notes for {{product}} version {{version}}.\nAudience: {{audience|customers}}.\nChanges:\n{{changes}}\nKeep it under 200 words.");
  await page.getByRole("textbox", { name: "Changelog", exact: true }).fill("Add version and a length limit");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page).toHaveURL(promptUrl);
  await expect(page.getByText("Add version and a length limit").first()).toBeVisible();

  // The diff between v1 and v2.
  const compare = page.getByRole("region", { name: "Compare versions" });
  await compare.getByLabel("From").selectOption({ label: "v1" });
  await compare.getByLabel("To").selectOption({ label: "v2 (latest)" });
  await expect(compare.getByText("Keep it under 200 words.")).toBeVisible();
  await expect(compare.getByText(/\+\s*2/)).toBeVisible();

  // Render with variables.
  const tryIt = page.getByRole("region", { name: "Try it" });
  await tryIt.getByLabel("product").fill("Promptuary");
  await tryIt.getByLabel("version").fill("1.2");
  await tryIt.getByLabel("changes").fill("- Faster diffs");
  await tryIt.getByRole("button", { name: "Render" }).click();
  await expect(tryIt.getByText("Write release notes for Promptuary version 1.2.")).toBeVisible();
  await expect(tryIt.getByText("Audience: customers.")).toBeVisible();

  // A second user forks it.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const forker = `forker-${stamp}`;
  await signUp(page2, forker);
  await page2.goto(promptUrl);
  await page2.getByRole("button", { name: "Fork", exact: true }).click();
  // Forks start private; this one is shared so the lineage below can show it.
  const forkDialog = page2.getByRole("dialog", { name: "Fork v2" });
  await forkDialog.getByLabel("Visibility").selectOption("public");
  await forkDialog.getByRole("button", { name: "Create fork" }).click();
  await expect(page2).not.toHaveURL(promptUrl);
  await expect(page2.getByText(/Forked from/).first()).toBeVisible();
  await expect(page2.getByRole("link", { name: new RegExp(`@${forker}`) }).first()).toBeVisible();

  // Lineage on the original shows both prompts.
  await page.reload();
  const lineage = page.getByRole("region", { name: "Lineage" });
  await expect(lineage.getByText(title).first()).toBeVisible();
  await expect(lineage.getByText(new RegExp(`@${forker}`))).toBeVisible();
  await other.close();
});
