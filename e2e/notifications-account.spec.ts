// Notifications and account settings in a real browser: user B comments on user A's prompt; A sees
// the unread count on the header's bell, opens the notifications, reads it and the count goes to
// zero. Then: the signed-in home, the account settings, and redirects that keep the origin the
// browser used (127.0.0.1, never a hard-coded localhost) and the page's query string.
// Screenshots at 1280 and 390 px go to this test's output folder.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { createPrompt, signUp } from "./support/accounts";

const stamp = Date.now().toString(36);
const PORT = Number(process.env.E2E_PORT ?? 3210);
const LOOPBACK = `http://127.0.0.1:${PORT}`;

async function shoot(page: Page, info: TestInfo, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: info.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("B comments on A's prompt; A sees the unread count, opens notifications, reads it, count goes to zero", async ({ page, browser }, info) => {
  const a = `notif-a-${stamp}`;
  const b = `notif-b-${stamp}`;
  const title = `Standup summariser ${stamp}`;
  await signUp(page, a);
  // A new account lands on the signed-in home with its first steps.
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, Tester ${a}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "First steps" })).toBeVisible();
  const promptUrl = await createPrompt(page, title, "Summarise {{notes}} as a standup update.");
  const bell = page.getByRole("link", { name: /^Notifications, / });
  await expect(bell).toHaveAccessibleName("Notifications, none unread");

  const other = await browser.newContext();
  const pageB = await other.newPage();
  await signUp(pageB, b);
  await pageB.goto(promptUrl);
  const comments = pageB.getByRole("region", { name: /^Comments/ });
  await comments.getByLabel("Add a comment").fill("Works great for our Monday standups.");
  await comments.getByRole("button", { name: "Post comment" }).click();
  await expect(comments.getByText("Works great for our Monday standups.")).toBeVisible();
  await other.close();

  // The count refreshes when A's tab regains focus; a reload shows it too.
  await page.goto("/");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await expect(bell).toHaveText("1");
  await shoot(page, info, "home-signed-in");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator("header").screenshot({ path: info.outputPath("bell-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("header").screenshot({ path: info.outputPath("bell-390.png") });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The home page lists it too.
  await expect(page.getByRole("region", { name: "Notifications" }).getByText(`Tester ${b} commented on your prompt “${title}”`)).toBeVisible();

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const item = page.getByTestId("notification").filter({ hasText: `Tester ${b} commented on your prompt “${title}”` });
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item.getByRole("link", { name: new RegExp(title) })).toHaveAttribute("href", new RegExp(`/p/[^/]+#comments$`));
  await shoot(page, info, "notifications-unread");

  await item.getByRole("button", { name: "Mark read" }).click();
  await expect(item).toHaveAttribute("data-unread", "false");
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await expect(page.getByText("All caught up")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
  await shoot(page, info, "notifications-read");

  // The account section of the settings says what deleting would keep and remove.
  await page.goto("/settings");
  const account = page.getByRole("region", { name: "Account" });
  await expect(account.getByText("What goes")).toBeVisible();
  await expect(account.getByText(/1 prompt with all their versions/)).toBeVisible();
  // A wrong current password is a field error.
  await account.getByLabel("Current password").fill("not-my-password");
  await account.getByLabel("New password").fill("an-even-better-password");
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(account.getByText("Current password is not your current password.")).toBeVisible();
  await shoot(page, info, "settings-account");
  await account.getByLabel("Current password").fill("a-good-password");
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(account.getByText("Password changed")).toBeVisible();
});

test("redirects use the origin the browser used, and sign-in keeps the page's query string", async ({ browser, request }) => {
  // A protected page, asked for at 127.0.0.1: sent to sign in there, with the query kept.
  const protectedPage = await request.get(`${LOOPBACK}/dashboard/sales?days=7`, { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(protectedPage.status());
  const location = protectedPage.headers()["location"];
  expect(location).not.toContain("localhost");
  expect(new URL(location, LOOPBACK).toString()).toBe(`${LOOPBACK}/signin?callbackUrl=${encodeURIComponent("/dashboard/sales?days=7")}`);

  // Signing out at 127.0.0.1 sends the browser back to 127.0.0.1.
  const csrf = await request.get(`${LOOPBACK}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signOut = await request.post(`${LOOPBACK}/api/auth/signout`, { form: { csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(signOut.status()).toBe(302);
  expect(signOut.headers()["location"]).toBe(`${LOOPBACK}/`);

  // In a browser at 127.0.0.1: sign in from a page with a query string, come back to it, sign out, stay on 127.0.0.1.
  const handle = `origin-${stamp}`;
  const setup = await browser.newContext({ baseURL: LOOPBACK });
  await signUp(await setup.newPage(), handle);
  await setup.close();
  const context = await browser.newContext({ baseURL: LOOPBACK });
  const page = await context.newPage();
  await page.goto("/market?sort=newest&q=writer");
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(`${handle}@example.com`);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${LOOPBACK}/market?sort=newest&q=writer`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect(new URL(page.url()).origin).toBe(LOOPBACK);
  await context.close();
});

test("a deleted account can no longer sign in; its prompt nobody took is gone, the one licensed stays readable", async ({ page, browser }) => {
  const handle = `leaver-${stamp}`;
  await signUp(page, handle);
  const promptUrl = await createPrompt(page, `Soon gone ${stamp}`, "A prompt that leaves with its author.");
  const keptTitle = `Kept for licensees ${stamp}`;
  const keptUrl = await createPrompt(page, keptTitle, "The licensed body stays readable.");
  await page.getByRole("button", { name: "Sell this prompt" }).click();
  await page.getByLabel("Price").fill("0");
  await page.getByRole("button", { name: "Save listing" }).click();
  await page.getByRole("button", { name: "Make it free" }).click();
  await expect(page.getByText(/On sale|Free/).first()).toBeVisible();

  const licenseeContext = await browser.newContext();
  const licensee = await licenseeContext.newPage();
  await signUp(licensee, `licensee-${stamp}`);
  await licensee.goto(keptUrl);
  await licensee.getByRole("button", { name: "Get it free" }).click();
  await expect(licensee.getByText("You own a personal license")).toBeVisible();
  await expect(licensee.getByText(/PQL-/).first()).toHaveText(/^PQL-[A-Z2-9]{4}-/);

  // The seller hears of the claim.
  await page.goto("/notifications");
  await expect(page.getByText(`Someone claimed a free license for your prompt “${keptTitle}”`)).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByRole("region", { name: "Account" }).getByRole("link", { name: keptTitle })).toBeVisible();
  const account = page.getByRole("region", { name: "Account" });
  await account.getByRole("button", { name: "Delete account…" }).click();
  const confirm = account.getByRole("form", { name: "Confirm account deletion" });
  await confirm.getByLabel(/Type your handle/).fill(handle);
  await confirm.getByLabel("Password", { exact: true }).fill("a-good-password");
  await confirm.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect((await page.goto(promptUrl))?.status()).toBe(404);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(`${handle}@example.com`);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  // The licensee still reads the archived prompt, shown as by a deleted user.
  const kept = await licensee.goto(keptUrl);
  expect(kept?.status()).toBe(200);
  await expect(licensee.getByRole("heading", { level: 1, name: keptTitle })).toBeVisible();
  await expect(licensee.getByText("The licensed body stays readable.").first()).toBeVisible();
  await expect(licensee.getByText(/Deleted user|deleted-/).first()).toBeVisible();
  await licenseeContext.close();
});
