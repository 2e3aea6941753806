// Discovery by meaning in a real browser: two prompts that say nearly the same thing list each other
// under "Similar prompts" (embedded by the background job after they are published), and Explore's
// Match control searches by meaning, keeping the mode in the URL while the query is there.
import { expect, test } from "@playwright/test";
import { createPrompt, signUp } from "./support/accounts";

test("near-duplicate prompts list each other as similar, and Explore finds one by meaning", async ({ page }) => {
  const handle = `sim${Date.now().toString(36)}`;
  await signUp(page, handle);
  // A word found nowhere else, so the searches below can only find these prompts through it.
  const word = `quillhaven${handle}`;
  const firstTitle = `Committee minutes ${handle}`;
  const secondTitle = `Board minutes ${handle}`;
  const firstUrl = await createPrompt(page, firstTitle, `Summarise the ${word} committee minutes in {{minutes}}: decisions, owners, deadlines.`);
  await createPrompt(page, secondTitle, `Summarise the ${word} board minutes in {{minutes}}: the decisions, their owners and deadlines.`);

  // The second prompt's page lists the first (embedded by the job once it was published).
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("list", { name: "Similar prompts" }).getByRole("link", { name: firstTitle })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("similar-prompts")).toContainText(/\d+% similar/);
  await page.getByRole("list", { name: "Similar prompts" }).getByRole("link", { name: firstTitle }).click();
  await expect(page).toHaveURL(firstUrl);
  await expect(page.getByRole("list", { name: "Similar prompts" }).getByRole("link", { name: secondTitle })).toBeVisible();

  // Explore: a different form of the word does not match as text; by meaning it finds both.
  const query = `${word}s`;
  await page.goto(`/explore?q=${query}`);
  const form = page.getByRole("search", { name: "Search and filter prompts" });
  await form.getByRole("radio", { name: "Meaning", exact: true }).check();
  await expect(page).toHaveURL(new RegExp(`/explore\\?q=${query}&mode=semantic$`));
  await expect(page.getByTestId("explore-summary")).toContainText("closest in meaning first");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link", { name: firstTitle })).toBeVisible();
  await expect(results.getByRole("link", { name: secondTitle })).toBeVisible();

  // The mode is kept when a filter changes, and "Words" goes back to full text (no parameter).
  await form.getByLabel("Sort").selectOption("newest");
  await expect(page).toHaveURL(new RegExp(`/explore\\?q=${query}&sort=newest&mode=semantic$`));
  await expect(form.getByRole("radio", { name: "Meaning", exact: true })).toBeChecked();
  await form.getByRole("radio", { name: "Words", exact: true }).check();
  await expect(page).toHaveURL(new RegExp(`/explore\\?q=${query}&sort=newest$`));
});
