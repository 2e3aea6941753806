import { expect, type Page } from "@playwright/test";

export async function signUp(page: Page, handle: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(`Tester ${handle}`);
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Email").fill(`${handle}@example.com`);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("link", { name: new RegExp(`@${handle}`) })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function createPrompt(page: Page, title: string, body: string) {
  await page.goto("/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("A prompt made by an end-to-end test.");
  await page.getByLabel("Category").selectOption("writing");
  await page.getByRole("textbox", { name: "Body", exact: true }).fill(body);
  await page.getByRole("button", { name: "Publish prompt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

export async function saveVersion(page: Page, body: string, changelog: string) {
  await page.getByRole("link", { name: "New version" }).click();
  await page.getByRole("textbox", { name: "Body", exact: true }).fill(body);
  await page.getByRole("textbox", { name: "Changelog", exact: true }).fill(changelog);
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByText(changelog).first()).toBeVisible();
}
