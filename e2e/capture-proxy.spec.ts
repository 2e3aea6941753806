// The capture proxy in the production server: the real openai SDK with its base URL swapped,
// a fake model server on loopback, captures listed through the API and shown in the browser.
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { createTRPCClient, httpLink } from "@trpc/client";
import OpenAI from "openai";
import superjson from "superjson";
import type { AppRouter } from "../src/server/api/root";
import { FAKE_UPSTREAM_PORT } from "../playwright.config";

const completion = (content: string) =>
  JSON.stringify({
    id: "chatcmpl-e2e",
    object: "chat.completion",
    created: 1,
    model: "gpt-4o-mini",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
  });

let upstream: Server;
const seenAuth: string[] = [];
test.beforeAll(async () => {
  upstream = createServer((req, res) => {
    seenAuth.push(String(req.headers.authorization));
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "x-upstream": "fake" });
      res.end(completion("Bonjour!"));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(FAKE_UPSTREAM_PORT, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

const cli = (...args: string[]) =>
  execFileSync("npx", ["tsx", "scripts/cli.ts", ...args], { env: { ...process.env, DATA_DIR: ".e2e-data" }, encoding: "utf8" }).trim();

test("calls through the proxy come back unchanged and are captured and identified", async ({ baseURL }) => {
  const stamp = Date.now().toString(36);
  const email = `proxy-${stamp}@example.com`;
  cli("user", "create", "--email", email, "--password", "proxy-password-1", "--handle", `proxy-${stamp}`);
  const { key } = JSON.parse(cli("apikey", "create", "--email", email, "--json"));

  const openai = new OpenAI({ apiKey: "sk-provider-secret-e2e", baseURL: `${baseURL}/api/proxy/openai/v1`, defaultHeaders: { "x-promptuary-key": key, "x-promptuary-user": "end-user-7" } });
  const reply = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "system", content: "Translate to French." }, { role: "user", content: "Hello!" }] });
  expect(reply.choices[0].message.content).toBe("Bonjour!");
  expect(reply.usage?.prompt_tokens).toBe(42);
  expect(seenAuth.at(-1)).toBe("Bearer sk-provider-secret-e2e");

  const bad = new OpenAI({ apiKey: "sk-x", baseURL: `${baseURL}/api/proxy/openai/v1`, defaultHeaders: { "x-promptuary-key": "pq_" + "0".repeat(32) }, maxRetries: 0 });
  const error = await bad.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }).catch((e: unknown) => e);
  expect((error as { status?: number }).status).toBe(401);

  const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseURL}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${key}` } })] });
  await expect
    .poll(async () => (await api.capture.list.query({ limit: 10 })).items.map((c) => [c.model, c.status, c.inputTokens, c.endUser, c.decision]), { timeout: 30_000 })
    .toEqual([["gpt-4o-mini", 200, 42, "end-user-7", "new"]]);
  const stats = await api.capture.stats.query({});
  expect(stats.total).toBe(1);
  expect(stats.costUsd).toBeGreaterThan(0);
});
