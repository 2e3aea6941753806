// The web basics of a public app, against the production server: security headers on every kind
// of response; the pages work under their Content-Security-Policy (no violation reported while a
// user clicks through them); a mutation sent with the session cookie from another origin is
// refused; password sign-in is throttled, with the message on the form.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { createPrompt, signIn, signUp } from "./support/accounts";

const stamp = Date.now().toString(36);

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["strict-transport-security"], `${what}: no HSTS over plain HTTP`).toBeUndefined();
}

test("every kind of response carries the security headers; pages a nonce-based CSP", async ({ request }) => {
  const home = await request.get("/");
  expectSecurityHeaders(home, "page");
  const csp = home.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src "))!;
  expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
  // Next put the nonce on every script it rendered.
  const html = await home.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A fresh nonce per response.
  expect((await request.get("/")).headers()["content-security-policy"]).not.toBe(csp);

  const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  expect(stylesheet).toBeTruthy();
  for (const [what, url] of [
    ["page", "/explore"],
    ["tRPC", "/api/trpc/prompt.list"],
    ["Auth.js", "/api/auth/providers"],
    ["static file", stylesheet!],
    ["capture proxy", "/api/proxy/openai/v1/models"],
  ] as const) {
    const res = await request.get(url);
    expectSecurityHeaders(res, what);
    if (what !== "static file" && what !== "capture proxy") expect(res.headers()["content-security-policy"], what).toContain("frame-ancestors 'none'");
  }
  // Behind a TLS-terminating proxy: HSTS.
  for (const url of ["/", "/api/proxy/openai/v1/models"]) {
    const res = await request.get(url, { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"], url).toMatch(/^max-age=\d+/);
  }
});

/** Collects CSP violations (console reports and securitypolicyviolation events) and page errors. */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${page.url()}: console: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy|unsafe-eval|nonce/i.test(error.message)) violations.push(`${page.url()}: ${error.message}`);
  });
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => violations.push(`${page.url()}: event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return violations;
}

test("the pages work under their CSP: nothing is blocked while clicking through them", async ({ page }) => {
  const violations = await watchCsp(page);
  const visited: string[] = [];
  const step = async (name: string, run: () => Promise<unknown>) => {
    await run();
    await page.waitForLoadState("networkidle");
    visited.push(name);
    expect(violations, `after ${name}`).toEqual([]);
  };

  const handle = `csp-${stamp}`;
  await step("sign-up", () => signUp(page, handle));
  await step("home", async () => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: /Explore/ }).first()).toBeVisible();
  });
  await step("explore and search", async () => {
    await page.goto("/explore");
    await page.getByLabel("Search prompts").fill("review");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=review/);
  });
  await step("a seeded prompt: like, rate, comment, compare versions", async () => {
    await page.locator("main article h3 a, main article h2 a").first().click();
    await expect(page).toHaveURL(/\/p\//);
    await page.getByRole("button", { name: /^Like/ }).click();
    await expect(page.getByRole("button", { name: /^Liked/ })).toBeVisible();
    const ratings = page.getByRole("region", { name: /^Ratings/ });
    await ratings.getByLabel("5 stars").check();
    await ratings.getByRole("button", { name: "Submit rating" }).click();
    const comments = page.getByRole("region", { name: /^Comments/ });
    await comments.getByLabel("Add a comment").fill(`CSP check ${stamp}`);
    await comments.getByRole("button", { name: "Post comment" }).click();
    await expect(comments.getByText(`CSP check ${stamp}`)).toBeVisible();
  });
  await step("new prompt", () => createPrompt(page, `CSP prompt ${stamp}`, "Write to {{name}} about {{topic|the weather}}."));
  await step("the new prompt: render it", async () => {
    const tryIt = page.getByRole("region", { name: "Try it" });
    await tryIt.getByLabel("name").fill("Ada");
    await tryIt.getByRole("button", { name: "Render" }).click();
    await expect(tryIt.getByText("Write to Ada about the weather.")).toBeVisible();
  });
  await step("settings: create an API key", async () => {
    await page.goto("/settings");
    await page.getByLabel("Key name").fill("csp");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("region", { name: "New API key" })).toBeVisible();
  });
  await step("market", async () => {
    await page.goto("/market");
    await page.locator("main a[href^='/p/']").first().click();
    await expect(page).toHaveURL(/\/p\//);
  });
  await step("captures", () => page.goto("/captures"));
  await step("connect", () => page.goto("/connect"));
  await step("feed and profile", async () => {
    await page.goto("/feed");
    await page.goto(`/u/${handle}`);
  });
  await step("sign out, sign in", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await signIn(page, `${handle}@example.com`, "a-good-password");
  });
  await step("a missing page", () => page.goto("/p/no-such-prompt-anywhere"));
  expect(visited).toHaveLength(13);
});

test("a mutation sent with the session cookie from another origin is refused; from the app it works", async ({ page, baseURL }) => {
  await signUp(page, `origin-${stamp}`);
  const body = { json: { name: "cross-site" } };
  const foreign = await page.request.post("/api/trpc/apiKey.create", { headers: { origin: "http://evil.example", "content-type": "application/json" }, data: body });
  expect(foreign.status()).toBe(403);
  expect(JSON.stringify(await foreign.json())).toMatch(/from another site \(http:\/\/evil\.example\)/);
  const own = await page.request.post("/api/trpc/apiKey.create", { headers: { origin: new URL(baseURL!).origin, "content-type": "application/json" }, data: body });
  expect(own.status()).toBe(200);
  await page.goto("/settings");
  await expect(page.getByText("cross-site")).toHaveCount(1);
});

test("password sign-in is throttled, and the form says so without telling whether the account exists", async ({ page }) => {
  const email = `nobody-${stamp}@example.com`;
  await page.goto("/signin");
  const submit = page.getByRole("button", { name: "Sign in", exact: true });
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess ${i}`);
    await submit.click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(submit).toBeEnabled();
  }
  await page.getByLabel("Password").fill("guess 10");
  await submit.click();
  await expect(page.getByText("Too many sign-in attempts; try again in 15 minutes.")).toBeVisible();
});
