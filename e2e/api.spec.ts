// The documented interfaces from outside: the CLI (while the server runs, same database) and a
// plain tRPC client over HTTP authenticated with an API key.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../src/server/api/root";

const cli = (...args: string[]) =>
  execFileSync("npx", ["tsx", "scripts/cli.ts", ...args], { env: { ...process.env, DATA_DIR: ".e2e-data" }, encoding: "utf8" }).trim();

const client = (baseURL: string, key?: string) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseURL}/api/trpc`, transformer: superjson, headers: key ? { authorization: `Bearer ${key}` } : {} })],
  });

test("CLI creates a user and an API key that the tRPC API accepts", async ({ baseURL }) => {
  const stamp = Date.now().toString(36);
  const email = `cli-${stamp}@example.com`;
  const user = JSON.parse(cli("user", "create", "--email", email, "--password", "cli-password-1", "--handle", `cli-${stamp}`, "--json"));
  expect(user).toMatchObject({ email, handle: `cli-${stamp}`, role: "user" });
  const { key } = JSON.parse(cli("apikey", "create", "--email", email, "--name", "e2e", "--json"));
  expect(key).toMatch(/^pq_/);

  const api = client(baseURL!, key);
  expect(await api.user.me.query()).toMatchObject({ email, handle: `cli-${stamp}` });
  const created = await api.prompt.create.mutate({ title: `API prompt ${stamp}`, category: "coding", body: "Explain {{code}} to a {{level|beginner}}.", visibility: "private" });
  const v2 = await api.version.create.mutate({ promptId: created.id, body: "Explain {{code}} to a {{level|beginner}} in {{n}} steps.", changelog: "steps" });
  expect(v2.number).toBe(2);
  const rendered = await api.prompt.render.query({ versionId: v2.id, variables: { code: "a for loop", n: "3", extra: "x" } });
  expect(rendered).toMatchObject({ text: "Explain a for loop to a beginner in 3 steps.", unknownVariables: ["extra"] });
  const diff = await api.version.diff.query({ promptId: created.id, from: 1, to: 2 });
  expect(diff.added).toBe(1);

  // Private: anonymous callers get NOT_FOUND.
  const anon = client(baseURL!);
  const error = await anon.prompt.bySlug.query({ slug: created.slug }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCClientError);
  expect((error as TRPCClientError<AppRouter>).data?.code).toBe("NOT_FOUND");
  expect((error as TRPCClientError<AppRouter>).data?.httpStatus).toBe(404);
});

test("a wrong API key is a 401, and bad input names the field", async ({ baseURL, request }) => {
  const res = await request.get(`${baseURL}/api/trpc/user.me`, { headers: { authorization: "Bearer pq_" + "x".repeat(32) } });
  expect(res.status()).toBe(401);

  const stamp = Date.now().toString(36);
  const email = `bad-${stamp}@example.com`;
  cli("user", "create", "--email", email, "--password", "cli-password-1", "--handle", `bad-${stamp}`);
  const { key } = JSON.parse(cli("apikey", "create", "--email", email, "--json"));
  const error = await client(baseURL!, key)
    .prompt.create.mutate({ title: "ok title", category: "writing", body: "" })
    .then(() => null, (e: unknown) => e as TRPCClientError<AppRouter>);
  expect(error?.data?.httpStatus).toBe(400);
  expect(error?.message).toMatch(/body/);
});

test("the demo catalogue is seeded and public reads work anonymously", async ({ baseURL }) => {
  const anon = client(baseURL!);
  const page = await anon.prompt.list.query({ limit: 100 });
  // 70 seeded prompts, 65 of them public (plus whatever other tests created).
  expect(page.items.length).toBeGreaterThanOrEqual(60);
  const categories = new Set(page.items.map((p) => p.category));
  expect(categories.size).toBeGreaterThanOrEqual(8);
  const demo = await anon.user.byHandle.query({ handle: "demo" });
  expect(demo.promptCount).toBeGreaterThan(0);
});
