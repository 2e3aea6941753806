// Managing what you publish, in a real browser: publish a prompt (a malformed {{slot}} is flagged
// before saving, tags are suggested), edit its title and visibility from its page, archive and
// restore it, delete one; another user forks it through the dialog (private by default, with the
// default title) and lands on the fork. Screenshots of each dialog at desktop and phone widths go
// to test-results/manage-prompts/.
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/accounts";

const stamp = Date.now().toString(36);
const shots = async (page: Page, name: string) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `test-results/manage-prompts/${name}-${width}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
};

test("publish, edit details, archive, restore, fork through the dialog, delete", async ({ page, browser }) => {
  const author = `owner-${stamp}`;
  const title = `Support reply drafter ${stamp}`;
  await signUp(page, author);

  // Publish; a slot that is not a valid name blocks saving and says why.
  await page.goto("/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Drafts a calm reply to an upset customer.");
  await page.getByLabel("Category").selectOption("writing");
  const tags = page.getByRole("combobox", { name: "Tags" });
  await tags.fill("Customer Support");
  await tags.press("Enter");
  await expect(page.getByRole("list", { name: "Tags added" }).getByText("#customer-support")).toBeVisible();
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  await body.fill("Reply as {{agent name}} to:\n{{message}}");
  await expect(page.getByText("is not a valid variable name; use letters, digits and _ (e.g. agent_name)")).toBeVisible();
  await page.getByRole("button", { name: "Publish prompt" }).click();
  await body.scrollIntoViewIfNeeded();
  await shots(page, "new-prompt-invalid-slot");
  await expect(page).toHaveURL(/\/new$/);
  await body.fill("Reply as {{agent_name}} to:\n{{message}}");
  await expect(page.getByText("is not a valid variable name")).toHaveCount(0);
  await page.getByRole("button", { name: "Publish prompt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const promptUrl = page.url();

  // Edit details from the page: the browser checks the fields before sending.
  await page.getByRole("button", { name: "Edit details" }).click();
  const edit = page.getByRole("dialog", { name: "Edit details" });
  await expect(edit).toBeVisible();
  await edit.getByLabel("Title").fill("x");
  await edit.getByRole("button", { name: "Save details" }).click();
  await expect(edit.getByText("Title must be at least 3 characters.")).toBeVisible();
  await shots(page, "edit-dialog");
  const newTitle = `Calm support replies ${stamp}`;
  await edit.getByLabel("Title").fill(newTitle);
  await edit.getByLabel("Visibility").selectOption("unlisted");
  await edit.getByRole("button", { name: "Save details" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  await expect(page.getByText("Unlisted").first()).toBeVisible();
  await expect(page).toHaveURL(promptUrl);

  // Another user forks it through the dialog: private by default, titled "<title> (fork)".
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, `forker-${stamp}`);
  await page2.goto(promptUrl);
  await page2.getByRole("button", { name: "Fork", exact: true }).click();
  const fork = page2.getByRole("dialog", { name: "Fork v1" });
  await expect(fork.getByLabel("Title")).toHaveValue(`${newTitle} (fork)`);
  await expect(fork.getByLabel("Visibility")).toHaveValue("private");
  await expect(fork.getByText("Forks of a paid prompt stay private.")).toBeVisible();
  await shots(page2, "fork-dialog");
  await fork.getByRole("button", { name: "Create fork" }).click();
  await expect(page2).not.toHaveURL(promptUrl);
  await expect(page2.getByRole("heading", { level: 1, name: `${newTitle} (fork)` })).toBeVisible();
  await expect(page2.getByText("Private").first()).toBeVisible();
  // The parent sits above the fork in its lineage.
  const lineage = page2.getByRole("region", { name: "Lineage" }).getByRole("list", { name: /Ancestors/ });
  await expect(lineage.getByRole("listitem")).toHaveText([new RegExp(newTitle), new RegExp(`${newTitle} \\(fork\\).*this prompt`)]);
  await lineage.scrollIntoViewIfNeeded();
  await shots(page2, "fork-lineage");
  // The Sell panel's "make it public first" hint opens the same Edit details dialog.
  await page2.getByRole("link", { name: "Make this prompt public or unlisted" }).click();
  const fromSell = page2.getByRole("dialog", { name: "Edit details" });
  await expect(fromSell.getByLabel("Visibility")).toHaveValue("private");
  await fromSell.getByRole("button", { name: "Cancel" }).click();
  await expect(fromSell).toBeHidden();
  await other.close();

  // Archive: a banner says so and offers Restore; others get 404.
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByText(/^Archived on /)).toBeVisible();
  await shots(page, "archived-banner");
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  const response = await visitor.goto(promptUrl);
  expect(response?.status()).toBe(404);
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText(/^Archived on /)).toHaveCount(0);
  expect((await visitor.goto(promptUrl))?.status()).toBe(200);
  await anonymous.close();

  // Delete: the forked prompt cannot go (its fork keeps the lineage); a fresh one can.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const refuse = page.getByRole("dialog", { name: "Delete this prompt?" });
  await expect(refuse.getByText(/cannot be deleted: it has forks/)).toBeVisible();
  await refuse.getByRole("button", { name: "Close" }).first().click();

  const doomed = `Scratch prompt ${stamp}`;
  await page.goto("/new");
  await page.getByLabel("Title").fill(doomed);
  await page.getByLabel("Category").selectOption("writing");
  await page.getByRole("textbox", { name: "Body", exact: true }).fill("Say hi to {{name}}");
  await page.getByRole("button", { name: "Publish prompt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: doomed })).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this prompt?" });
  await expect(confirm.getByRole("list", { name: "What will be lost" })).toContainText("1 version");
  await shots(page, "delete-dialog");
  await confirm.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(new RegExp(`/u/${author}`));
});
