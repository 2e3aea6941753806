// Organisations in a real browser: create one, invite a member by handle, the invitee accepts on
// /orgs, the admin publishes a members-only prompt owned by the organisation from New prompt, the
// member reads it, an outsider gets the not-found page, and the member leaves.
import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";

const stamp = Date.now().toString(36);

test("create an organisation, invite, accept, publish a members-only prompt, leave", async ({ page, browser }) => {
  const admin = `orgadmin-${stamp}`;
  const member = `orgmember-${stamp}`;
  const slug = `team-${stamp}`;
  const title = `Team triage ${stamp}`;

  // The member needs an account before being invited by handle.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signUp(memberPage, member);

  await signUp(page, admin);
  await page.goto("/orgs");
  await page.getByLabel("Name").fill(`Team ${stamp}`);
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Team ${stamp}` })).toBeVisible();

  // Invite by handle as a contributor.
  await page.getByLabel("Email or handle").fill(`@${member}`);
  await page.getByLabel("Role", { exact: true }).selectOption("contributor");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invited @${member}: the invitation waits on their Organisations page.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke" })).toBeVisible();

  // The invitee accepts on /orgs.
  await memberPage.goto("/orgs");
  await expect(memberPage.getByText(`Team ${stamp}`)).toBeVisible();
  await memberPage.getByRole("button", { name: "Accept" }).click();
  await expect(memberPage.getByText("Joined.")).toBeVisible();
  await expect(memberPage.getByRole("link", { name: `Team ${stamp}` })).toBeVisible();

  // The admin publishes a members-only prompt owned by the organisation.
  await page.goto(`/new?org=${slug}`);
  await expect(page.getByLabel("Owner")).toHaveValue(/.+/);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Category").selectOption("writing");
  await expect(page.getByLabel("Visibility")).toHaveValue("members");
  await page.getByRole("textbox", { name: "Body", exact: true }).fill("Triage the incident {{incident}} and name the owning team.");
  await page.getByRole("button", { name: "Publish prompt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: `Team ${stamp}` })).toBeVisible();
  const promptUrl = page.url();

  // The member reads it and finds it on the organisation's page.
  await memberPage.goto(`/o/${slug}`);
  await expect(memberPage.getByRole("link", { name: title })).toBeVisible();
  await memberPage.goto(promptUrl);
  await expect(memberPage.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Someone else: the not-found page.
  const outsider = await browser.newContext();
  const outsiderPage = await outsider.newPage();
  const response = await outsiderPage.goto(promptUrl);
  expect(response?.status()).toBe(404);

  // The member leaves and loses access.
  await memberPage.goto(`/o/${slug}`);
  memberPage.once("dialog", (d) => d.accept());
  await memberPage.getByRole("button", { name: "Leave" }).click();
  await expect(memberPage).toHaveURL(/\/orgs$/);
  expect((await memberPage.goto(promptUrl))?.status()).toBe(404);

  await memberContext.close();
  await outsider.close();
});
