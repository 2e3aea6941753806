import { describe, expect, it } from "vitest";
import superjson from "superjson";
import { escapeHtml, PAGE_KINDS, requestFor, trpcQueryPath } from "./page-load";

const catalogue = { prompts: [{ slug: "tom-and-jerry", title: "Tom & Jerry's <Guide>" }], words: ["judge", "sql"] };
const anonymous = { handle: null, cookie: null };
const signedIn = { handle: "load1", cookie: "authjs.session-token=x" };
const page = (header: string, main: string) => `<html><body>${header}<main>${main}</main></body></html>`;
const anonymousHeader = '<a href="/signin">Sign in</a>';
const signedInHeader = '<a aria-label="Settings (@load1)">…</a>';

describe("requestFor", () => {
  it("gives each virtual user every page kind in turn, starting at different kinds", () => {
    expect([0, 1, 2, 3].map((n) => requestFor(catalogue, anonymous, 0, n).kind)).toEqual([...PAGE_KINDS]);
    expect(requestFor(catalogue, anonymous, 1, 0).kind).toBe("explore");
  });

  it("sends the query the app's tRPC client sends for prompt.search", () => {
    const search = requestFor(catalogue, anonymous, 3, 0);
    expect(search.kind).toBe("search");
    const url = new URL(`http://x${search.path}`);
    expect(url.pathname).toBe("/api/trpc/prompt.search");
    expect(url.searchParams.get("batch")).toBe("1");
    const input = JSON.parse(url.searchParams.get("input")!) as Record<string, Parameters<typeof superjson.deserialize>[0]>;
    expect(superjson.deserialize(input["0"])).toMatchObject({ limit: 20 });
    expect(catalogue.words).toContain((superjson.deserialize(input["0"]) as { q: string }).q);
  });

  it("accepts a prompt page only with its escaped title and the anonymous header", () => {
    const prompt = requestFor(catalogue, anonymous, 2, 0);
    expect(prompt.path).toBe("/p/tom-and-jerry");
    expect(prompt.check(page(anonymousHeader, "<h1>Tom &amp; Jerry&#x27;s &lt;Guide&gt;</h1>"))).toBeNull();
    expect(prompt.check(page(anonymousHeader, "<h1>Not found</h1>"))).toMatch(/title/);
    expect(prompt.check(page(signedInHeader, "<h1>Tom &amp; Jerry&#x27;s &lt;Guide&gt;</h1>"))).toMatch(/anonymous/);
    expect(prompt.check("<html><body>Tom &amp; Jerry&#x27;s &lt;Guide&gt;")).toMatch(/incomplete/);
  });

  it("accepts a signed-in page only when it shows that user's header", () => {
    const home = requestFor(catalogue, signedIn, 0, 0);
    expect(home.check(page(signedInHeader, "<h1>Welcome, Load user 1</h1>"))).toBeNull();
    expect(home.check(page(anonymousHeader, "<h1>Welcome, Load user 1</h1>"))).toMatch(/not signed in as @load1/);
    expect(home.check(page('<a aria-label="Settings (@someone)">…</a>', "<h1>Welcome</h1>"))).toMatch(/not signed in/);
  });

  it("accepts a search answer only with a list of items", () => {
    const search = requestFor(catalogue, anonymous, 3, 0);
    expect(search.check(JSON.stringify([{ result: { data: { json: { items: [] } } } }]))).toBeNull();
    expect(search.check(JSON.stringify([{ error: { json: { message: "bad" } } }]))).toMatch(/no items/);
    expect(search.check("<html>")).toBe("not JSON");
  });
});

describe("escapeHtml and trpcQueryPath", () => {
  it("escapes as React does", () => {
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &#x27; f");
  });

  it("encodes the input as a batch of one", () => {
    expect(decodeURIComponent(trpcQueryPath("prompt.search", { q: "x" }))).toBe('/api/trpc/prompt.search?batch=1&input={"0":{"json":{"q":"x"}}}');
  });
});
