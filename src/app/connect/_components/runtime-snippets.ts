// Copy-paste clients for the runtime prompt endpoint (GET/POST /api/v1/prompts/{slug}), in the
// way Langfuse's SDKs fetch prompts: by label (production by default) or version, cached in the
// process and revalidated with the ETag (a 304 costs no body), the last good copy kept through an
// outage; or rendered on the server with POST.
import type { Snippet } from "./snippets";

export function runtimeSnippets(origin: string): Snippet[] {
  return [
    {
      language: "TypeScript",
      code: `// Node 18+ (global fetch). PROMPTUARY_KEY: an API key with the "read" scope.
const PROMPTUARY_URL = process.env.PROMPTUARY_URL ?? "${origin}";

type Prompt = {
  slug: string;
  version: number;
  label: string | null;
  body: string;
  variables: { name: string; default?: string; description?: string }[];
  modelSettings: Record<string, unknown>;
};

const cache = new Map<string, { etag: string; prompt: Prompt; checkedAt: number }>();

/** A prompt by label (production by default) or version, revalidated at most every ttlMs. */
export async function getPrompt(slug: string, opts: { label?: string; version?: number; ttlMs?: number } = {}): Promise<Prompt> {
  const query = opts.version ? \`?version=\${opts.version}\` : opts.label ? \`?label=\${encodeURIComponent(opts.label)}\` : "";
  const url = \`\${PROMPTUARY_URL}/api/v1/prompts/\${encodeURIComponent(slug)}\${query}\`;
  const cached = cache.get(url);
  if (cached && Date.now() - cached.checkedAt < (opts.ttlMs ?? 60_000)) return cached.prompt;
  try {
    const res = await fetch(url, {
      headers: { authorization: \`Bearer \${process.env.PROMPTUARY_KEY}\`, ...(cached ? { "if-none-match": cached.etag } : {}) },
    });
    if (res.status === 304 && cached) {
      cached.checkedAt = Date.now();
      return cached.prompt;
    }
    if (!res.ok) throw new Error(\`Promptuary \${res.status}: \${(await res.json()).error}\`);
    const prompt = (await res.json()) as Prompt;
    cache.set(url, { etag: res.headers.get("etag") ?? "", prompt, checkedAt: Date.now() });
    return prompt;
  } catch (error) {
    if (cached) return cached.prompt; // keep serving the last good copy
    throw error;
  }
}

/** Fills {{name}} and {{name|default}} slots as Promptuary does. */
export function compile(prompt: Prompt, values: Record<string, string>): string {
  return prompt.body.replace(/\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\|([^}]*))?\\}\\}/g, (slot, name: string, fallback?: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : (prompt.variables.find((v) => v.name === name)?.default ?? fallback?.trim());
    if (value === undefined) throw new Error(\`Missing value for {{\${name}}}\`);
    return value;
  });
}

const prompt = await getPrompt("support-reply", { label: "staging" });
const text = compile(prompt, { ticket: "My invoice is wrong" });
console.log(\`v\${prompt.version} (\${prompt.label}):\`, text);

// Or let the server render it (the same rules as the page's Render):
const res = await fetch(\`\${PROMPTUARY_URL}/api/v1/prompts/support-reply?label=staging\`, {
  method: "POST",
  headers: { authorization: \`Bearer \${process.env.PROMPTUARY_KEY}\`, "content-type": "application/json" },
  body: JSON.stringify({ variables: { ticket: "My invoice is wrong" } }),
});
const rendered = await res.json(); // { text, version, label, modelSettings, … }`,
    },
    {
      language: "Python",
      code: `# pip install requests. PROMPTUARY_KEY: an API key with the "read" scope.
import os, re, time
import requests

PROMPTUARY_URL = os.environ.get("PROMPTUARY_URL", "${origin}")
HEADERS = {"Authorization": f"Bearer {os.environ['PROMPTUARY_KEY']}"}
_cache: dict[str, dict] = {}


def get_prompt(slug: str, label: str | None = None, version: int | None = None, ttl: float = 60) -> dict:
    """A prompt by label (production by default) or version, revalidated at most every ttl seconds."""
    params = {"version": version} if version else {"label": label} if label else {}
    url = f"{PROMPTUARY_URL}/api/v1/prompts/{slug}"
    key = f"{url}?{sorted(params.items())}"
    cached = _cache.get(key)
    if cached and time.monotonic() - cached["checked_at"] < ttl:
        return cached["prompt"]
    headers = dict(HEADERS, **({"If-None-Match": cached["etag"]} if cached else {}))
    try:
        res = requests.get(url, params=params, headers=headers, timeout=5)
        if res.status_code == 304 and cached:
            cached["checked_at"] = time.monotonic()
            return cached["prompt"]
        if not res.ok:
            raise RuntimeError(f"Promptuary {res.status_code}: {res.json()['error']}")
        prompt = res.json()
        _cache[key] = {"etag": res.headers.get("ETag", ""), "prompt": prompt, "checked_at": time.monotonic()}
        return prompt
    except (requests.RequestException, RuntimeError):
        if cached:
            return cached["prompt"]  # keep serving the last good copy
        raise


SLOT = re.compile(r"\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\|([^}]*))?\\}\\}")


def compile_prompt(prompt: dict, **values: str) -> str:
    """Fills {{name}} and {{name|default}} slots as Promptuary does."""
    declared = {v["name"]: v["default"] for v in prompt["variables"] if "default" in v}

    def fill(m: re.Match) -> str:
        inline = m.group(2).strip() if m.group(2) is not None else None
        value = values[m.group(1)] if m.group(1) in values else declared.get(m.group(1), inline)
        if value is None:
            raise KeyError(f"Missing value for {{{{{m.group(1)}}}}}")
        return value
    return SLOT.sub(fill, prompt["body"])


prompt = get_prompt("support-reply", label="staging")
print(f"v{prompt['version']} ({prompt['label']}):", compile_prompt(prompt, ticket="My invoice is wrong"))

# Or let the server render it (the same rules as the page's Render):
rendered = requests.post(
    f"{PROMPTUARY_URL}/api/v1/prompts/support-reply",
    params={"label": "staging"},
    headers=HEADERS,
    json={"variables": {"ticket": "My invoice is wrong"}},
    timeout=5,
).json()  # {"text", "version", "label", "modelSettings", …}`,
    },
  ];
}
