// Accounts with their own sessions for a benchmark, made through the app's public interfaces: the
// sign-up form's tRPC mutation (user.signUp), then Auth.js's credentials sign-in, as a browser
// does (CSRF token and cookie, then the form post); the session cookie is kept per user.
import { randomBytes } from "node:crypto";
import superjson from "superjson";

export type BenchUser = { handle: string; email: string; cookie: string };

/** `name=value` pairs of a response's Set-Cookie headers. */
function cookiePairs(response: Response): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) pairs.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return pairs;
}

const cookieHeader = (pairs: Map<string, string>) => [...pairs].map(([k, v]) => `${k}=${v}`).join("; ");

async function signUp(baseUrl: string, input: { email: string; password: string; handle: string; name: string }) {
  // The shape httpBatchLink sends: a batch of one, its input serialised by superjson.
  const response = await fetch(`${baseUrl}/api/trpc/user.signUp?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ 0: superjson.serialize(input) }),
  });
  if (!response.ok) throw new Error(`sign-up of ${input.email} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiePairs(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: baseUrl },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }).toString(),
  });
  for (const [k, v] of cookiePairs(response)) jar.set(k, v);
  const session = [...jar.keys()].find((name) => name.endsWith("authjs.session-token"));
  if (!session) throw new Error(`sign-in of ${email} gave no session cookie (status ${response.status}, location ${response.headers.get("location")})`);
  return `${session}=${jar.get(session)}`;
}

/**
 * Creates `count` accounts and signs each one in. Sign-ins go a few at a time: each is counted by
 * the per-address throttle until it succeeds, and all come from this one address.
 */
export async function createSignedInUsers(baseUrl: string, count: number, parallel = 4): Promise<BenchUser[]> {
  const run = randomBytes(3).toString("hex");
  const users: BenchUser[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const handle = `load${run}u${i}`;
      const email = `${handle}@example.com`;
      const password = `bench-${randomBytes(9).toString("hex")}`;
      await signUp(baseUrl, { email, password, handle, name: `Load user ${i}` });
      users[i] = { handle, email, cookie: await signIn(baseUrl, email, password) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return users;
}
