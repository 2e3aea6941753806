// API keys in Settings: a key limited to reading, with an expiry, shown once; the API answers it
// within its scope and refuses a write with a 403 naming the scope; rotating it shows the new key
// once and says until when the old one works; both keep working in the grace period.
import { expect, test } from "@playwright/test";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../src/server/api/root";
import { signUp } from "./support/accounts";

const client = (baseURL: string, key: string) =>
  createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseURL}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${key}` } })] });

test("create a read-only key with an expiry, use it within its scope, rotate it with a grace period", async ({ page, baseURL }) => {
  const handle = `keys${Date.now().toString(36)}`;
  await signUp(page, handle);
  await page.goto("/settings");

  await page.getByLabel("Key name").fill("reporting");
  for (const scope of ["Write", "Proxy", "Admin"]) await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).uncheck();
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create key" }).click();
  const notice = page.getByRole("region", { name: "New API key" });
  await expect(notice).toContainText("Key “reporting” created");
  const key = await page.locator("#api-key-value").inputValue();
  expect(key).toMatch(/^pq_[A-Za-z0-9]{32}$/);
  await notice.getByRole("button", { name: "Done" }).click();
  await expect(notice).toBeHidden();

  const row = page.getByRole("row", { name: /reporting/ });
  // (Small screens show scopes and status inside the name cell: only the visible copy counts.)
  await expect(row.getByText("read", { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(row.getByText("Active").filter({ visible: true })).toBeVisible();

  // Within its scope it reads; a write is refused naming the scope.
  const api = client(baseURL!, key);
  expect(await api.user.me.query()).toMatchObject({ handle });
  const refused = await api.user.updateProfile.mutate({ bio: "from a read key" }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(TRPCClientError);
  expect((refused as TRPCClientError<AppRouter>).data?.httpStatus).toBe(403);
  expect((refused as Error).message).toContain('lacks the "write" scope');

  // Rotate with a one-hour grace period.
  await row.getByRole("button", { name: "Rotate reporting" }).click();
  await page.getByLabel("Grace period for the old key").selectOption({ label: "Old key: 1 more hour" });
  await page.getByRole("button", { name: "Confirm rotate reporting" }).click();
  await expect(notice).toContainText("Key “reporting” rotated");
  await expect(notice).toContainText("keeps working until");
  const rotated = await page.locator("#api-key-value").inputValue();
  expect(rotated).not.toBe(key);
  await expect(page.getByText("Rotated · in grace").filter({ visible: true })).toBeVisible();

  // Both work during the grace period.
  expect(await client(baseURL!, rotated).user.me.query()).toMatchObject({ handle });
  expect(await api.user.me.query()).toMatchObject({ handle });
});
