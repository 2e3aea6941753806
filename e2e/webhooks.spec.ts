// Outgoing webhooks in the production server: a user registers a loopback receiver in Settings →
// Webhooks (the secret shown once), a call through the capture proxy with a prompt never seen
// before reaches the receiver as capture.prompt_detected, signed so that standardwebhooks'
// Webhook#verify accepts it; the delivery log shows it delivered, and Replay sends it again with
// the same webhook-id.
import { execFileSync } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import { Webhook } from "standardwebhooks";
import { FAKE_UPSTREAM_PORT } from "../playwright.config";
import { signIn } from "./support/accounts";

let upstream: Server;
let receiver: Server;
let receiverPort = 0;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

test.beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "chatcmpl-hook", object: "chat.completion", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, message: { role: "assistant", content: "Done." }, finish_reason: "stop" }], usage: { prompt_tokens: 30, completion_tokens: 2, total_tokens: 32 } }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(FAKE_UPSTREAM_PORT, "127.0.0.1", resolve));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverPort = (receiver.address() as AddressInfo).port;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const cli = (...args: string[]) =>
  execFileSync("npx", ["tsx", "scripts/cli.ts", ...args], { env: { ...process.env, DATA_DIR: ".e2e-data" }, encoding: "utf8" }).trim();

test("a registered webhook receives a signed capture.prompt_detected, shown in the log, and Replay sends it again", async ({ page, baseURL }) => {
  const stamp = Date.now().toString(36);
  const email = `hooks-${stamp}@example.com`;
  cli("user", "create", "--email", email, "--password", "hooks-password-1", "--handle", `hooks-${stamp}`);
  const { key } = JSON.parse(cli("apikey", "create", "--email", email, "--json"));
  await signIn(page, email, "hooks-password-1");

  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByText("No webhooks yet")).toBeVisible();

  // A bad URL is refused in the browser, naming the field.
  await page.getByLabel("URL").fill("ftp://example.com/x");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText("URL must be an http:// or https:// URL.")).toBeVisible();

  const url = `http://127.0.0.1:${receiverPort}/hooks`;
  await page.getByLabel("URL").fill(url);
  await page.getByLabel("Description (optional)").fill("Inbox relay");
  await page.getByRole("checkbox", { name: /capture\.prompt_detected/ }).check();
  await page.getByRole("button", { name: "Add webhook" }).click();
  const secretBox = page.getByRole("region", { name: "New webhook secret" });
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  const endpoint = page.getByRole("listitem", { name: `Webhook ${url}` });
  await expect(endpoint).toContainText("Inbox relay");
  await expect(endpoint).toContainText("capture.prompt_detected");
  await secretBox.getByRole("button", { name: "Done" }).click();
  await expect(secretBox).toBeHidden();

  const openai = new OpenAI({ apiKey: "sk-provider-e2e", baseURL: `${baseURL}/api/proxy/openai/v1`, defaultHeaders: { "x-promptuary-key": key } });
  await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "system", content: `You are a webhook e2e assistant ${stamp}. Summarise the release notes in one line for the changelog.` }, { role: "user", content: "v2.1: faster sync" }] });

  await expect.poll(() => received.length, { timeout: 60_000 }).toBe(1);
  const first = received[0];
  const payload = new Webhook(secret).verify(first.body, first.headers as Record<string, string>) as { type: string; data: { title: string } };
  expect(payload.type).toBe("capture.prompt_detected");
  expect(payload.data.title).toContain("webhook e2e assistant");

  await page.reload();
  await endpoint.getByRole("button", { name: "Deliveries" }).click();
  const row = endpoint.getByRole("listitem", { name: "Delivery capture.prompt_detected Delivered" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("1 attempt · HTTP 204");
  await row.getByRole("button", { name: /^Replay delivery/ }).click();
  await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
  expect(received[1].headers["webhook-id"]).toBe(first.headers["webhook-id"]);
  expect(new Webhook(secret).verify(received[1].body, received[1].headers as Record<string, string>)).toMatchObject({ type: "capture.prompt_detected" });
  await expect(row).toContainText("2 attempts · HTTP 204");
  await row.getByRole("button", { name: "Details" }).click();
  await expect(row.getByRole("list", { name: "Attempts" })).toContainText("replay");
});
