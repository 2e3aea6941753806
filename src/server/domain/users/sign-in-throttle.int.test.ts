// Password sign-in throttling (sign-in-throttle.ts): per account and per client address, the same
// answer for accounts that do not exist, a correct password refused while locked, locks that
// expire, and bursts that cannot slip past the count. Time is passed in, so no test waits.
import { describe, expect, it } from "vitest";
import { signInErrorMessage, throttledSignInCode } from "@/shared/auth/sign-in-errors";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { createUser } from "./create-user";
import { ipThrottleKey, signInDelayMs, signInWithPassword, SIGN_IN_LIMITS, SIGN_IN_SLOWDOWN, TooManySignInAttemptsError } from "./sign-in-throttle";

const t = setUpTestDatabase();
const PASSWORD = "correct horse battery";
const ACCOUNT = SIGN_IN_LIMITS.account;
const IP = SIGN_IN_LIMITS.ip;
const T0 = new Date("2026-01-01T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let n = 0;
async function account() {
  const handle = `throttle-${++n}`;
  const email = `${handle}@example.com`;
  await createUser(t.db, { email, password: PASSWORD, handle });
  return email;
}
/** A fresh client address for each call, so only the account limit is in play. */
const freshIp = () => `10.${(n >> 8) & 255}.${n & 255}.${++n & 255}`;

/** The waits the slowdown asked for (not waited: time is passed in). */
const waits: number[] = [];
const noWait = async (ms: number) => void waits.push(ms);
const attempt = (email: string, password: string, clientIp: string, now: Date) => signInWithPassword(t.db, { email, password, clientIp }, now, noWait);

/** The error a refused attempt throws (fails the test if it was not refused). */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TooManySignInAttemptsError);
  return error as TooManySignInAttemptsError;
}

describe("slows, then locks", () => {
  it(`waits before answering after ${SIGN_IN_SLOWDOWN.account} failures, longer each time, whatever the password; a success starts afresh`, async () => {
    const email = await account();
    waits.length = 0;
    for (let i = 0; i < 6; i++) expect(await attempt(email, "wrong", freshIp(), at(i * 1000))).toBeNull();
    // Failures 1-3 answer at once; the 4th waits 500 ms, then 1 s, 2 s.
    expect(waits).toEqual([500, 1000, 2000]);
    // The right password waits as long as a wrong one would (the wait says nothing about it)...
    expect(await attempt(email, PASSWORD, freshIp(), at(7000))).toMatchObject({ email });
    expect(waits.at(-1)).toBe(4000);
    // ...and gives the account a fresh start.
    waits.length = 0;
    expect(await attempt(email, "wrong", freshIp(), at(8000))).toBeNull();
    expect(waits).toEqual([]);
  });

  it("caps the wait, and slows a guessing address later than an account", () => {
    expect(signInDelayMs(SIGN_IN_SLOWDOWN.account, 0)).toBe(0);
    expect(signInDelayMs(SIGN_IN_SLOWDOWN.account + 1, 0)).toBe(SIGN_IN_SLOWDOWN.firstDelayMs);
    expect(signInDelayMs(SIGN_IN_SLOWDOWN.account + 20, 0)).toBe(SIGN_IN_SLOWDOWN.maxDelayMs);
    expect(signInDelayMs(0, SIGN_IN_SLOWDOWN.ip)).toBe(0);
    expect(signInDelayMs(0, SIGN_IN_SLOWDOWN.ip + 2)).toBe(SIGN_IN_SLOWDOWN.firstDelayMs * 2);
  });
});

describe("per account", () => {
  it(`allows ${ACCOUNT.attempts} wrong passwords in a window, then refuses every attempt, the right password too, until the lock expires`, async () => {
    const email = await account();
    for (let i = 0; i < ACCOUNT.attempts; i++) expect(await attempt(email, "wrong", freshIp(), at(i * 1000))).toBeNull();

    const refused = await refusal(attempt(email, "wrong", freshIp(), at(ACCOUNT.attempts * 1000)));
    expect(refused.status).toBe(429);
    expect(refused.message).toBe("Too many sign-in attempts; try again in 15 minutes.");
    const lockedAt = ACCOUNT.attempts * 1000;
    // The right password, from yet another address, a minute later: still refused, and the time left counts down.
    const later = await refusal(attempt(email, PASSWORD, freshIp(), at(lockedAt + 60_000)));
    expect(later.message).toBe("Too many sign-in attempts; try again in 14 minutes.");

    // After the lock: the right password works, and the account starts afresh.
    expect(await attempt(email, PASSWORD, freshIp(), at(lockedAt + ACCOUNT.lockMs + 1000))).toMatchObject({ email });
    expect(await t.db.signInThrottle.count({ where: { key: { startsWith: "account:" }, lockedUntil: { not: null } } })).toBe(0);
  });

  it("answers an unknown account exactly as a known one", async () => {
    const known = await account();
    const unknown = `nobody-${n}@example.com`;
    const outcomes = async (email: string) => {
      const answers: string[] = [];
      for (let i = 0; i <= ACCOUNT.attempts + 1; i++) {
        answers.push(
          await attempt(email, "wrong", freshIp(), at(i * 1000)).then(
            (user) => (user === null ? "no match" : "signed in"),
            (e: Error) => e.message,
          ),
        );
      }
      return answers;
    };
    const forKnown = await outcomes(known);
    expect(forKnown.slice(0, ACCOUNT.attempts)).toEqual(Array(ACCOUNT.attempts).fill("no match"));
    expect(forKnown.slice(ACCOUNT.attempts)).toEqual(["Too many sign-in attempts; try again in 15 minutes.", "Too many sign-in attempts; try again in 15 minutes."]);
    expect(await outcomes(unknown)).toEqual(forKnown);
    // Case and spaces do not make another account.
    await refusal(attempt(` ${unknown.toUpperCase()} `, "wrong", freshIp(), at(ACCOUNT.attempts * 1000 + 5000)));
  });

  it("forgets failures after a success, and after the window", async () => {
    const email = await account();
    for (let i = 0; i < ACCOUNT.attempts - 1; i++) await attempt(email, "wrong", freshIp(), at(i));
    expect(await attempt(email, PASSWORD, freshIp(), at(100))).not.toBeNull();
    for (let i = 0; i < ACCOUNT.attempts; i++) expect(await attempt(email, "wrong", freshIp(), at(200 + i))).toBeNull();
    // A new window opens once the last one is over.
    expect(await attempt(email, "wrong", freshIp(), at(200 + ACCOUNT.windowMs + 1))).toBeNull();
  });

  it("counts a burst of parallel guesses before checking them: no more than the limit are checked", async () => {
    const email = await account();
    const results = await Promise.all(
      Array.from({ length: ACCOUNT.attempts * 3 }, () =>
        attempt(email, "wrong", freshIp(), at(0)).then(
          () => "checked",
          (e: unknown) => (e instanceof TooManySignInAttemptsError ? "refused" : String(e)),
        ),
      ),
    );
    expect(results.filter((r) => r === "checked")).toHaveLength(ACCOUNT.attempts);
    expect(results.filter((r) => r === "refused")).toHaveLength(ACCOUNT.attempts * 2);
  });
});

describe("per client address", () => {
  it(`refuses an address after ${IP.attempts} failures across accounts, the right password included; other addresses are unaffected`, async () => {
    const ip = "203.0.113.7";
    // Spread over accounts so that no account reaches its own limit.
    const victims = await Promise.all(Array.from({ length: Math.ceil(IP.attempts / (ACCOUNT.attempts - 1)) + 1 }, () => account()));
    let sent = 0;
    for (const email of victims) {
      for (let i = 0; i < ACCOUNT.attempts - 1 && sent < IP.attempts; i++, sent++) expect(await attempt(email, "wrong", ip, at(sent))).toBeNull();
    }
    const own = await account();
    const refused = await refusal(attempt(own, PASSWORD, ip, at(sent + 1)));
    expect(refused.message).toBe("Too many sign-in attempts; try again in 15 minutes.");
    // Unknown accounts from that address get the same answer.
    expect((await refusal(attempt("ghost@example.com", "wrong", ip, at(sent + 2)))).message).toBe(refused.message);
    // Someone else, elsewhere, signs in as usual.
    expect(await attempt(own, PASSWORD, "198.51.100.1", at(sent + 3))).toMatchObject({ email: own });
    // The lock expires.
    expect(await attempt(own, PASSWORD, ip, at(sent + 1 + IP.lockMs + 1))).toMatchObject({ email: own });
  });

  it("does not let one good sign-in wipe an address's other failures", async () => {
    const ip = "203.0.113.8";
    const mine = await account();
    const others = await Promise.all(Array.from({ length: Math.ceil(IP.attempts / (ACCOUNT.attempts - 1)) }, () => account()));
    let sent = 0;
    for (const email of others) {
      for (let i = 0; i < ACCOUNT.attempts - 1 && sent < IP.attempts - 1; i++, sent++) await attempt(email, "wrong", ip, at(sent));
    }
    expect(await attempt(mine, PASSWORD, ip, at(sent++))).not.toBeNull(); // gives its own attempt back only
    expect(await attempt(others[0], "wrong", ip, at(sent++))).toBeNull(); // the limit's last failure
    await refusal(attempt(mine, PASSWORD, ip, at(sent++)));
  });

  it("counts IPv6 clients per /64", () => {
    expect(ipThrottleKey("2001:db8:1:2:aaaa::1")).toBe(ipThrottleKey("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee"));
    expect(ipThrottleKey("2001:db8:1:3::1")).not.toBe(ipThrottleKey("2001:db8:1:2::1"));
    expect(ipThrottleKey("::1")).toBe("ip:0:0:0:0::/64");
    expect(ipThrottleKey("192.0.2.1")).toBe("ip:192.0.2.1");
  });
});

describe("the message the sign-in form shows", () => {
  it("comes from the Auth.js error code, and says nothing about the account otherwise", () => {
    const refused = (code: string | undefined) => signInErrorMessage("CredentialsSignin", code);
    expect(refused(throttledSignInCode(15 * 60_000))).toBe("Too many sign-in attempts; try again in 15 minutes.");
    expect(refused(throttledSignInCode(30_000))).toBe("Too many sign-in attempts; try again in 1 minute.");
    expect(refused("credentials")).toBe("Wrong email or password.");
    expect(refused(undefined)).toBe("Wrong email or password.");
    expect(refused("too_many_attempts_<script>")).toBe("Wrong email or password.");
    // authorize() failing (the database down) is not a wrong password.
    expect(signInErrorMessage("Configuration", undefined)).toMatch(/not available right now/);
  });
});
