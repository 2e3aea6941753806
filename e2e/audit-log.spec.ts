// The audit log in a real browser: someone signs up, tries to change their password with a wrong
// current password, then changes it. The site admin opens /audit from /admin, finds both entries
// (the refused one marked), with the request's address and browser, narrows them with the filters
// (kept in the URL) and downloads them as CSV. The person themselves may not read the log.
// Screenshots at 1280 and 390 px go to this test's output folder.
import { readFile } from "node:fs/promises";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signIn, signUp } from "./support/accounts";

const stamp = Date.now().toString(36);

async function shoot(page: Page, info: TestInfo, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: info.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin browses, filters and exports the audit log", async ({ browser }, info) => {
  const handle = `audited-${stamp}`;
  const person = await browser.newPage();
  await signUp(person, handle);
  await person.goto("/settings");
  const account = person.getByRole("region", { name: "Account" });
  await account.getByLabel("Current password").fill("not-my-password");
  await account.getByLabel("New password").fill("an-even-better-password");
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(account.getByText("Current password is not your current password.")).toBeVisible();
  await account.getByLabel("Current password").fill("a-good-password");
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(account.getByText("Password changed")).toBeVisible();

  // Not an admin, in no organisation: the log is not theirs to read.
  await person.goto("/audit");
  await expect(person.getByText("Not for you to read")).toBeVisible();
  await person.close();

  const admin = await browser.newPage();
  await signIn(admin, "admin@example.com", "promptuary-demo");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  // Filter by the person's handle: their two attempts, newest first, the refused one marked.
  const filters = admin.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Actor (handle)").fill(handle);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(new RegExp(`/audit\\?actor=${handle}$`));
  const table = admin.getByRole("table");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Changed the account password");
  await expect(rows.nth(0).getByRole("cell").nth(3)).toHaveText(/^a password\s*to\s*→a new password$/);
  await expect(rows.nth(0)).not.toContainText("Refused");
  await expect(rows.nth(1)).toContainText("Refused");
  await expect(rows.nth(1)).toContainText("not your current password");
  for (const i of [0, 1]) {
    await expect(rows.nth(i)).toContainText(`@${handle}`);
    await expect(rows.nth(i)).toContainText("127.0.0.1");
    await expect(rows.nth(i)).toContainText("Mozilla/5.0");
  }
  await shoot(admin, info, "audit-by-actor");

  // Only the refused attempts.
  await filters.getByLabel("Outcome").selectOption("refused");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(/outcome=refused/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Refused");

  // The CSV holds what the filters select.
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "Download these entries as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^promptuary-audit-site-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^id,created_at,actor_handle,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`,${handle},`);
  expect(lines[1]).toContain(",account.password,");
  expect(lines[1]).toContain(",refused,");

  // An action nobody in this filter did: the empty state offers to clear the filters.
  await admin.goto(`/audit?actor=${handle}&action=webhook.replay`);
  await expect(admin.getByText("No entries match these filters")).toBeVisible();
  await admin.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(admin).toHaveURL(/\/audit$/);
  await expect(rows.first()).toBeVisible();
  // The form shows the URL's filters (none), not the last ones.
  await expect(filters.getByLabel("Action")).toHaveValue("");
  await expect(filters.getByLabel("Actor (handle)")).toHaveValue("");
  await shoot(admin, info, "audit-all");
});
