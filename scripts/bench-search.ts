// Search and page-load benchmark over a fresh database of N generated prompts.
//
//   npm run bench:search -- --prompts 1000[,10000,...] [--iterations 200] [--keep] [--plans] [--answers FILE] [--compare FILE] [--no-compact]
//
// With DATABASE_URL (a PostgreSQL server) it creates a throw-away database `bench_search_<random>`
// on that server, migrates it and drops it at the end (--keep leaves it for psql and prints its
// URL); without DATABASE_URL it uses an in-memory PGlite. It loads N prompts with set-based SQL,
// then times the real domain functions (prompt.search in text mode by query kind, browse, the
// prompt page, the profile page) and prints p50/p95/p99/mean per kind, plus EXPLAIN (ANALYZE,
// BUFFERS) summaries of every statement typical searches send (--plans prints the full plans).
// Several sizes (--prompts 1000,10000,100000) end with one table of p50/p95 per size, to show how
// cost grows with the catalogue. --compare FILE (another version of search-prompts.ts) asks each
// text-search question of both versions in turns and times each on its own line, which keeps the
// comparison fair on a busy machine. --answers FILE writes every page of a fixed set of searches as
// JSON ({n} in the name is replaced by N), so two versions of the search code can be compared on
// the same catalogue.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Prisma } from "../src/generated/prisma/client";
import type { SqlConnection } from "../src/server/db/migrator";
import type { Db } from "../src/server/db/prisma";
import { openPglite, openServerDatabase, type BenchDatabase } from "./bench-support/bench-database";
import type { Actor } from "../src/server/domain/actor";
import { CATEGORY_SLUGS } from "../src/shared/prompts/categories";
import { seededRandom } from "../src/shared/random/seeded-random";
import { getPromptBySlug, listPrompts } from "../src/server/domain/prompts/prompt-queries";
import { searchPromptsInMode, type ModeSearchInput } from "../src/server/domain/prompts/search-by-meaning";
import { searchPrompts, type SearchInput, type SearchSort } from "../src/server/domain/prompts/search-prompts";
import { TRENDING_WINDOW_HOURS } from "../src/server/domain/analytics/trending";
import { getUserByHandle } from "../src/server/domain/users/user-queries";
import { listVersions } from "../src/server/domain/versions/version-queries";

const USAGE = "usage: npm run bench:search -- --prompts N[,N2,...] [--iterations K] [--keep] [--plans] [--answers FILE] [--compare FILE] [--no-compact]";
const WARMUP = 20;
/** A trending score like the job's (analytics/trending.ts): the prompt's activity decayed by the time since its last update, zero outside the window. */
const trendingSql = (window: keyof typeof TRENDING_WINDOW_HOURS) => {
  const { hours, decayHours } = TRENDING_WINDOW_HOURS[window];
  return `CASE WHEN updated > now() - interval '${hours} hours' THEN (3 * likes + 2 * ratings + 5 * forks + 1.5 * comments + 0.1 * views) * exp(-extract(epoch FROM now() - updated) / ${decayHours * 3600}.0) ELSE 0 END`;
};
const BROWSE_SORTS: SearchSort[] = ["newest", "top_rated", "most_liked", "trending"];

// ---------------------------------------------------------------------------------------------
// Vocabulary. Topics and category tags are per category, in CATEGORY_SLUGS order.

const TOPICS: Record<(typeof CATEGORY_SLUGS)[number], string[]> = {
  writing: ["blog post", "short story", "essay", "newsletter", "cover letter", "poem", "press release", "speech", "product description", "screenplay"],
  coding: ["unit tests", "code review", "regex", "sql query", "api documentation", "refactoring plan", "bug report", "commit message", "dockerfile", "typescript types"],
  marketing: ["ad copy", "landing page", "email campaign", "seo keywords", "social media post", "brand voice", "tagline", "customer persona", "launch plan", "cold outreach"],
  data: ["csv cleanup", "pivot table", "sql report", "dashboard summary", "data dictionary", "anomaly report", "sales forecast", "cohort analysis", "survey analysis", "chart caption"],
  support: ["refund reply", "apology email", "faq answer", "troubleshooting guide", "escalation note", "ticket summary", "onboarding email", "support macro", "churn survey", "status update"],
  education: ["lesson plan", "quiz", "flashcards", "study guide", "grading rubric", "concept explainer", "worksheet", "syllabus", "reading list", "exam questions"],
  productivity: ["meeting notes", "weekly plan", "todo list", "email triage", "project brief", "decision memo", "standup update", "okr draft", "retrospective", "calendar plan"],
  "image-generation": ["watercolor portrait", "logo concept", "product photo", "fantasy landscape", "pixel art sprite", "isometric city", "movie poster", "cyberpunk street", "storybook illustration", "architectural render"],
  research: ["literature review", "paper summary", "hypothesis", "interview guide", "competitive analysis", "citation list", "grant proposal", "methodology", "abstract", "peer review"],
  agents: ["tool router", "function calling plan", "web browsing agent", "sql agent", "support agent", "code interpreter", "task planner", "memory summary", "rag pipeline", "evaluation harness"],
};
const CATEGORY_TAGS: Record<(typeof CATEGORY_SLUGS)[number], string[]> = {
  writing: ["storytelling", "copywriting", "blogging"],
  coding: ["python", "javascript", "sql"],
  marketing: ["seo", "email", "social-media"],
  data: ["analysis", "spreadsheets", "sql"],
  support: ["customer-service", "email", "empathy"],
  education: ["teaching", "students", "quiz"],
  productivity: ["meetings", "planning", "email"],
  "image-generation": ["midjourney", "stable-diffusion", "dall-e"],
  research: ["academic", "summarization", "citations"],
  agents: ["agents", "tool-use", "rag"],
};
const TAGS = [
  "gpt-4o", "claude", "llama", "chain-of-thought", "few-shot", "json", "markdown", "template", "roleplay", "summarization",
  "translation", "classification", "extraction", "brainstorming", "creative", "business", "beginner", "advanced", "evaluation", "system-prompt",
];
const VERBS = ["Write", "Generate", "Draft", "Polish", "Summarize", "Rewrite", "Outline", "Critique", "Translate", "Brainstorm", "Improve", "Explain", "Create", "Design", "Plan"];
const ADJECTIVES = ["concise", "friendly", "persuasive", "detailed", "technical", "playful", "formal", "minimalist", "data-driven", "empathetic", "structured", "creative", "rigorous", "witty", "practical"];
const AUDIENCES = ["beginners", "executives", "developers", "students", "startups", "teachers", "marketers", "researchers", "small businesses", "nonprofits", "engineers", "designers"];
const TITLE_SUFFIXES = ["assistant", "template", "checklist", "in five minutes", "from bullet points", "with examples", "step by step", "for teams", "generator", "coach"];
const DESCRIPTION_SENTENCES = [
  "Fill in the variables and get a polished draft in seconds.",
  "Includes examples, constraints and a clear output format.",
  "A good starting point you can fork and adapt to your own style.",
  "Thinks step by step before answering, which reduces mistakes.",
  "Returns structured output that is easy to paste or parse.",
  "Battle-tested on hundreds of real requests.",
  "Asks clarifying questions when the input is ambiguous.",
  "Keeps the tone consistent across long documents.",
];
const MODELS = ["GPT-4o", "Claude", "Llama 3", "Mistral", "Gemini"];
const ROLES = ["a senior editor", "an experienced software engineer", "a growth marketer", "a data analyst", "a patient support agent", "a veteran teacher", "a productivity coach", "a concept artist", "a careful researcher", "an AI systems architect"];
const CONSTRAINTS = [
  "Do not invent facts; say so when information is missing.",
  "Prefer short sentences and active voice.",
  "Use headings and bullet points where they help.",
  "Cite the source of every claim you make.",
  "Avoid jargon unless the audience expects it.",
  "End with a one-line summary.",
  "Offer two alternatives when a choice is subjective.",
  "Check the result against the requirements before answering.",
];
const FORMATS = ["markdown", "a JSON object", "a numbered list", "plain text", "a table", "a single paragraph"];
const CHANGELOGS = ["Tightened the instructions", "Added an examples section", "Clarified the output format", "Fixed typos", "Made the tone configurable", "Shorter and more direct"];
const FIRST_NAMES = ["ada", "alan", "grace", "linus", "margaret", "dennis", "barbara", "ken", "frances", "edsger", "radia", "donald", "hedy", "tim", "katherine", "guido", "sophie", "john", "mary", "niklaus"];
const LAST_NAMES = ["lovelace", "turing", "hopper", "torvalds", "hamilton", "ritchie", "liskov", "thompson", "allen", "dijkstra", "perlman", "knuth", "lamarr", "berners", "johnson", "rossum", "wilson", "backus", "keller", "wirth"];

const STOPWORDS = new Set(["a", "an", "and", "by", "for", "from", "in", "it", "of", "the", "to", "with", "five", "step"]);
/** Words a visitor might type into the explore search box: every content word the generator uses. */
const SEARCH_WORDS = [
  ...new Set(
    [...Object.values(TOPICS).flat(), ...VERBS, ...ADJECTIVES, ...AUDIENCES, ...TITLE_SUFFIXES, ...TAGS, ...Object.values(CATEGORY_TAGS).flat()]
      .flatMap((phrase) => phrase.toLowerCase().split(/\s+/))
      .filter((w) => w.length >= 3 && !STOPWORDS.has(w)),
  ),
];
const ALL_TAGS = [...new Set([...TAGS, ...Object.values(CATEGORY_TAGS).flat()])];
/** Words of one topic only, and in no other list: each is in about 1% of prompts (or fewer). */
const RARE_WORDS = (() => {
  const wordsOf = (phrases: string[]) => phrases.flatMap((x) => x.toLowerCase().split(/[^a-z0-9-]+/)).filter((w) => w.length >= 3 && !STOPWORDS.has(w));
  const elsewhere = new Set(
    wordsOf([...VERBS, ...ADJECTIVES, ...AUDIENCES, ...TITLE_SUFFIXES, ...TAGS, ...Object.values(CATEGORY_TAGS).flat(), ...DESCRIPTION_SENTENCES, ...MODELS, ...ROLES, ...CONSTRAINTS, ...FORMATS, ...CATEGORY_SLUGS]),
  );
  const topicWords = Object.values(TOPICS).flat().flatMap((t) => [...new Set(wordsOf([t]))]);
  return [...new Set(topicWords)].filter((w) => !elsewhere.has(w) && topicWords.filter((x) => x === w).length === 1);
})();
/** A word with one letter changed (never a word the generator uses): the "did you mean" path. */
const typoOf = (word: string, r: number) => {
  const i = 1 + Math.floor(r * (word.length - 2));
  const swapped = word.slice(0, i) + (word[i] === "x" ? "q" : "x") + word.slice(i + 1);
  return SEARCH_WORDS.includes(swapped) ? `${swapped}x` : swapped;
};

// ---------------------------------------------------------------------------------------------
// SQL building blocks: constants only (no user input), so literals are safe.

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(", ")}]::text[]`;
const textArray2d = (rows: readonly (readonly string[])[]) => `ARRAY[${rows.map((r) => `ARRAY[${r.map(lit).join(", ")}]`).join(", ")}]::text[][]`;
/** A uniformly random element, drawn anew for every row. */
const pick = (xs: readonly string[]) => `(${textArray(xs)})[1 + floor(random() * ${xs.length})::int]`;
const sentenceCase = (expr: string) => `(upper(left(${expr}, 1)) || substr(${expr}, 2))`;
const article = (word: string) => `(CASE WHEN ${word} ~ '^[aeiou]' THEN 'an' ELSE 'a' END)`;
const userId = (indexExpr: string) => `('bu' || lpad((${indexExpr})::text, 7, '0'))`;
const promptId = (indexExpr: string) => `('bp' || lpad((${indexExpr})::text, 8, '0'))`;

function loadSteps(prompts: number, users: number, compact: boolean): { name: string; sql: string }[] {
  const topics = textArray2d(CATEGORY_SLUGS.map((c) => TOPICS[c]));
  const categoryTags = textArray2d(CATEGORY_SLUGS.map((c) => CATEGORY_TAGS[c]));
  const versionCount = `CASE WHEN abs(hashtext(p.id)) % 10 < 5 THEN 1 WHEN abs(hashtext(p.id)) % 10 < 8 THEN 2 ELSE 3 END`;
  return [
    {
      name: "users",
      sql: `
        INSERT INTO "User" (id, email, name, handle, bio, "createdAt", "updatedAt")
        SELECT ${userId("g")}, 'user' || g || '@bench.example', initcap(first) || ' ' || initcap(last), first || last || g,
          'I write prompts about ' || lower(${pick(AUDIENCES)}) || ' and ' || ${pick(TAGS)} || '.', created, created
        FROM (
          SELECT g, ${pick(FIRST_NAMES)} AS first, ${pick(LAST_NAMES)} AS last, now() - random() * interval '900 days' AS created
          FROM generate_series(1, ${users}) g
        ) s`,
    },
    {
      // Layer a draws the random numbers, layer b looks up words, the outer select composes text.
      name: "prompts",
      sql: `
        INSERT INTO "Prompt" (id, slug, title, description, category, tags, visibility, "ownerId", "createdAt", "updatedAt",
          "likeCount", "ratingCount", "ratingSum", "ratingScore", "commentCount", "forkCount", "viewCount", "trending24h", "trending7d", "trending30d")
        SELECT ${promptId("g")},
          trim(BOTH '-' FROM left(regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g'), 60)) || '-' || g,
          title, description, category, tags, visibility::"Visibility", ${userId("owner")}, created, updated,
          likes, ratings, rating_sum, CASE WHEN ratings = 0 THEN 0 ELSE (rating_sum + 9)::float8 / (ratings + 3) END,
          comments, forks, views,
          ${trendingSql("24h")}, ${trendingSql("7d")}, ${trendingSql("30d")}
        FROM (
          SELECT b.*,
            CASE tmpl
              WHEN 0 THEN verb || ' ' || ${article("adj")} || ' ' || adj || ' ' || topic || ' for ' || audience
              WHEN 1 THEN ${sentenceCase("adj")} || ' ' || topic || ' ' || suffix
              WHEN 2 THEN ${sentenceCase("topic")} || ' ' || suffix || ' for ' || audience
              ELSE verb || ' ' || topic || 's like a pro'
            END AS title,
            ${sentenceCase(article("adj"))} || ' ' || adj || ' prompt that helps you ' || lower(verb) || ' a ' || topic || ' for ' || audience || '. '
              || sentence1 || ' ' || sentence2 || ' Works best with ' || model || '.' AS description,
            CASE WHEN rv < 0.90 THEN 'public' WHEN rv < 0.97 THEN 'unlisted' ELSE 'private' END AS visibility,
            round(ratings * stars)::int AS rating_sum,
            likes * (5 + floor(random() * 20))::int + floor(random() * 200)::int AS views
          FROM (
            SELECT a.*, (${textArray([...CATEGORY_SLUGS])})[c] AS category, (${topics})[c][ti] AS topic,
              ${pick(VERBS)} AS verb, ${pick(ADJECTIVES)} AS adj, ${pick(AUDIENCES)} AS audience, ${pick(TITLE_SUFFIXES)} AS suffix,
              ${pick(DESCRIPTION_SENTENCES)} AS sentence1, ${pick(DESCRIPTION_SENTENCES)} AS sentence2, ${pick(MODELS)} AS model,
              created + random() * (now() - created) AS updated,
              ARRAY(SELECT DISTINCT t FROM (
                SELECT (${categoryTags})[a.c][1 + floor(random() * 3)::int] AS t
                UNION ALL SELECT ${pick(TAGS)} FROM generate_series(1, (a.g * 7) % 4)
              ) x) AS tags
            FROM (
              SELECT g, 1 + floor(random() * 10)::int AS c, 1 + floor(random() * 10)::int AS ti, floor(random() * 4)::int AS tmpl,
                random() AS rv, 1 + floor(power(random(), 1.5) * ${users})::int AS owner,
                now() - random() * interval '730 days' AS created,
                floor(power(random(), 3) * 400)::int AS likes, floor(power(random(), 3) * 80)::int AS ratings, 2.2 + random() * 2.8 AS stars,
                floor(power(random(), 4) * 40)::int AS forks, floor(power(random(), 3) * 30)::int AS comments
              FROM generate_series(1, ${prompts}) g
            ) a
          ) b
        ) s`,
    },
    {
      // One statement. The search trigger (which refreshes "Prompt"."searchVector" once per version
      // row, an UPDATE of the prompt and its GIN entries each time) is off meanwhile: at 100k prompts
      // it made this step run for over half an hour, against 16 s at 10k. The next step does its
      // work once per prompt, with the same document function and the same latest approved body.
      name: "versions",
      sql: `
        ALTER TABLE "PromptVersion" DISABLE TRIGGER "PromptVersion_search_refresh";
        INSERT INTO "PromptVersion" (id, "promptId", number, body, variables, "modelSettings", changelog, "authorId", "createdAt")
        SELECT pid || '-v' || n, pid, n,
          'You are ' || role || '. Your task: ' || lower(title) || '.' || E'\\n\\n'
            || 'Write about {{subject}} for {{audience|' || aud || '}}. Keep it under {{word_count|' || wc || '}} words '
            || 'and use a {{tone|' || tone || '}} tone.' || E'\\n\\nContext:\\n{{context}}\\n\\nRules:\\n- ' || k1 || E'\\n- ' || k2 || E'\\n- ' || k3
            || E'\\n\\n' || description || E'\\n\\nAnswer in ' || fmt || '.'
            || CASE WHEN n > 1 THEN E'\\n\\nExamples:\\n{{examples|none}}' ELSE '' END,
          jsonb_build_array(jsonb_build_object('name', 'subject'), jsonb_build_object('name', 'audience', 'default', aud),
            jsonb_build_object('name', 'word_count', 'default', wc::text), jsonb_build_object('name', 'tone', 'default', tone),
            jsonb_build_object('name', 'context'))
            || CASE WHEN n > 1 THEN jsonb_build_array(jsonb_build_object('name', 'examples', 'default', 'none')) ELSE '[]'::jsonb END,
          jsonb_build_object('temperature', round((0.2 + random() * 0.8)::numeric, 1)),
          CASE WHEN n = 1 THEN 'Initial version' ELSE ${pick(CHANGELOGS)} END,
          owner, c0 + (n - 1) * (c1 - c0) / 3
        FROM (
          SELECT p.id AS pid, p."ownerId" AS owner, p.title, p.description, p."createdAt" AS c0, p."updatedAt" AS c1, n,
            ${pick(ROLES)} AS role, ${pick(AUDIENCES)} AS aud, 100 * (1 + floor(random() * 8))::int AS wc, ${pick(ADJECTIVES)} AS tone,
            ${pick(CONSTRAINTS)} AS k1, ${pick(CONSTRAINTS)} AS k2, ${pick(CONSTRAINTS)} AS k3, ${pick(FORMATS)} AS fmt
          FROM "Prompt" p CROSS JOIN LATERAL generate_series(1, ${versionCount}) n
        ) s
        ORDER BY pid, n;
        ALTER TABLE "PromptVersion" ENABLE TRIGGER "PromptVersion_search_refresh";`,
    },
    {
      // What the search trigger does for a new approved version, once per prompt; the GIN index is
      // built afresh afterwards (one bulk build instead of an insertion per prompt).
      name: "search documents",
      sql: `
        DROP INDEX "Prompt_searchVector_idx";
        UPDATE "Prompt" p SET "searchVector" = "prompt_search_document"(p."title", p."tags", p."description", v."body")
        FROM (SELECT DISTINCT ON ("promptId") "promptId", "body" FROM "PromptVersion" WHERE "status" = 'approved' ORDER BY "promptId", "number" DESC) v
        WHERE v."promptId" = p.id;
        CREATE INDEX "Prompt_searchVector_idx" ON "Prompt" USING GIN ("searchVector");`,
    },
    {
      name: "labels and forks",
      sql: `
        INSERT INTO "PromptLabel" ("promptId", name, "versionId", "updatedAt")
        SELECT p.id, 'production', p.id || '-v1', p."updatedAt" FROM "Prompt" p WHERE abs(hashtext(p.id || 'label')) % 5 = 0;
        UPDATE "Prompt" p SET "forkedFromVersionId" = ${promptId("1 + floor(random() * (substr(p.id, 3)::int - 1))::int")} || '-v1'
        WHERE substr(p.id, 3)::int > 1 AND abs(hashtext(p.id || 'fork')) % 20 = 0;`,
    },
    {
      // About 3% of public prompts are for sale (an active paid listing, 4 in 5) or listed free or
      // paused: search leaves the paid bodies' words out for everyone but their owners.
      name: "listings",
      sql: `
        INSERT INTO "Listing" (id, "promptId", "sellerId", "priceCents", terms, status, "updatedAt")
        SELECT 'bl' || substr(p.id, 3), p.id, p."ownerId",
          CASE WHEN abs(hashtext(p.id || 'price')) % 10 < 8 THEN 100 * (1 + abs(hashtext(p.id)) % 20) ELSE 0 END,
          'Use it in your own work.', (CASE WHEN abs(hashtext(p.id || 'paused')) % 10 = 0 THEN 'paused' ELSE 'active' END)::"ListingStatus", p."updatedAt"
        FROM "Prompt" p WHERE p.visibility = 'public' AND abs(hashtext(p.id || 'listing')) % 33 = 0`,
    },
    {
      // Popular (low-numbered) users attract most followers.
      name: "follows",
      sql: `
        INSERT INTO "Follow" ("followerId", "followeeId", "createdAt")
        SELECT ${userId("f")}, ${userId("e")}, now() - random() * interval '300 days'
        FROM generate_series(1, ${users}) f
        CROSS JOIN LATERAL (SELECT 1 + floor(power(random(), 2) * ${users})::int AS e FROM generate_series(1, f % 25)) x
        WHERE e <> f
        ON CONFLICT DO NOTHING`,
    },
    // The search documents rewrote every prompt once, after the inserts, leaving the table ~2× its
    // live size (a live site's autovacuum lets later inserts reuse that space) and its rows in the
    // order of that UPDATE's join. Compacting in id order (the order of insertion) makes runs
    // comparable; --no-compact keeps the bloat. ANALYZE gives the planner statistics.
    ...(compact ? [{ name: "compact (CLUSTER Prompt by id)", sql: `CLUSTER "Prompt" USING "Prompt_pkey"` }] : []),
    { name: "vacuum analyze", sql: `VACUUM ANALYZE` },
  ];
}

// ---------------------------------------------------------------------------------------------
// A fresh database: in-memory PGlite, or a new database on the server DATABASE_URL names.


// ---------------------------------------------------------------------------------------------
// Timing.

type Lap = <T>(part: string, fn: () => Promise<T>) => Promise<T>;
type Scenario = { name: string; run: (lap: Lap) => Promise<number> };
type Stat = { name: string; samples: number[]; items: number[] };

async function measure(scenario: Scenario, iterations: number): Promise<Stat[]> {
  const stats = new Map<string, Stat>();
  const stat = (name: string) => stats.get(name) ?? stats.set(name, { name, samples: [], items: [] }).get(name)!;
  for (let i = 0; i < WARMUP + iterations; i++) {
    const record = i >= WARMUP;
    const lap: Lap = async (part, fn) => {
      const t0 = performance.now();
      const result = await fn();
      if (record) stat(`  ${part}`).samples.push(performance.now() - t0);
      return result;
    };
    const t0 = performance.now();
    const items = await scenario.run(lap);
    if (record) {
      const total = stat(scenario.name);
      total.samples.push(performance.now() - t0);
      total.items.push(items);
    }
  }
  const total = stats.get(scenario.name)!;
  const parts = [...stats.values()].filter((s) => s !== total);
  return parts.length > 1 ? [total, ...parts] : [total];
}

function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

type Row = { name: string; n: number; p50: number; p95: number; p99: number; mean: number; items: string };

function summarize(s: Stat): Row {
  const sorted = [...s.samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const items = s.items.length ? (s.items.reduce((a, b) => a + b, 0) / s.items.length).toFixed(1) : "";
  return { name: s.name, n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), mean, items };
}

function printColumns(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

function printTable(stats: Stat[]) {
  printColumns(
    ["query", "n", "p50", "p95", "p99", "mean", "items"],
    stats.map(summarize).map((r) => [r.name, String(r.n), ...[r.p50, r.p95, r.p99, r.mean].map((x) => x.toFixed(2)), r.items]),
  );
  console.log("(times in ms; items = mean rows on the first page)");
}

/** One line per query kind, one column group per catalogue size: how cost grows with N. */
function printGrowth(bySize: { prompts: number; stats: Stat[] }[]) {
  const names = bySize[0].stats.map((s) => s.name).filter((n) => !n.startsWith("  "));
  const header = ["query", ...bySize.flatMap(({ prompts }) => [`p50@${prompts}`, `p95@${prompts}`])];
  const rows = names.map((name) => [
    name,
    ...bySize.flatMap(({ stats }) => {
      const s = stats.find((x) => x.name === name);
      const r = s ? summarize(s) : null;
      return r ? [r.p50.toFixed(2), r.p95.toFixed(2)] : ["", ""];
    }),
  ]);
  console.log("\n=== growth with the catalogue (ms) ===");
  printColumns(header, rows);
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN: run a search for real through a db that also records every statement it sends, then
// EXPLAIN (ANALYZE, BUFFERS) each statement (a search sends one to three).

function recordingDb(db: Db, sent: Prisma.Sql[]): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "$queryRaw") {
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          const query = Prisma.sql(strings, ...(values as Prisma.Sql[]));
          sent.push(query);
          return target.$queryRaw(query);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Total Time"?: number;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
};

function walk(node: PlanNode, visit: (n: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** The statement's first words, with long arrays of ids shortened. */
const shortSql = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 110);

async function explain(sql: SqlConnection, query: Prisma.Sql, full: boolean) {
  const params = query.values as unknown[];
  const { rows } = await sql.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, params);
  const raw = rows[0]["QUERY PLAN"];
  const [doc] = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode; "Execution Time": number; "Planning Time": number }];
  const indexes: string[] = [];
  const scans: string[] = [];
  walk(doc.Plan, (n) => {
    if (n["Index Name"]) indexes.push(`${n["Index Name"]} (${n["Node Type"]}, rows ${n["Actual Rows"]}×${n["Actual Loops"]})`);
    if (n["Node Type"] === "Seq Scan") scans.push(`${n["Relation Name"]} (rows ${n["Actual Rows"]}×${n["Actual Loops"]})`);
  });
  console.log(`  · ${shortSql(query.text)}`);
  console.log(`    execution ${doc["Execution Time"].toFixed(2)} ms, planning ${doc["Planning Time"].toFixed(2)} ms; top node ${doc.Plan["Node Type"]} (rows ${doc.Plan["Actual Rows"]})`);
  console.log(`    indexes:   ${indexes.length ? [...new Set(indexes)].join(", ") : "none"}`);
  console.log(`    seq scans: ${scans.length ? [...new Set(scans)].join(", ") : "none"}`);
  if (full) {
    const text = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, params);
    console.log(text.rows.map((r) => `      ${r["QUERY PLAN"]}`).join("\n"));
    console.log(`    params: ${JSON.stringify(params).slice(0, 400)}`);
  }
}

async function explainSearch(bench: BenchDatabase, label: string, viewer: Actor | null, input: ModeSearchInput, full: boolean) {
  const sent: Prisma.Sql[] = [];
  const t0 = performance.now();
  const result = await searchPromptsInMode(recordingDb(bench.db, sent), viewer, input);
  const ms = performance.now() - t0;
  console.log(`${label}: ${sent.length} statement(s), ${ms.toFixed(2)} ms; ${result.items.length} items, total ${result.total}${result.totalCapped ? "+" : ""}${result.didYouMean ? `, did you mean "${result.didYouMean}"` : ""}`);
  for (const query of sent) await explain(bench.sql, query, full);
}

// ---------------------------------------------------------------------------------------------
// Answers: every page of a fixed set of searches, written as JSON so that two versions of the
// search code can be compared on the same catalogue (`cmp` the files). Values that depend on the
// clock (cursors, dates) are left out; ids, order, totals, snippets and corrections are kept.

async function collectAnswers(db: Db, viewers: Actor[], handles: string[]) {
  const asked: [string, Actor | null, ModeSearchInput][] = [];
  const words = [...SEARCH_WORDS.slice(0, 40), ...RARE_WORDS.slice(0, 10)];
  for (const [i, w] of words.entries()) {
    asked.push([`q=${w}`, null, { q: w, limit: 10 }]);
    asked.push([`q=${w} sort=${BROWSE_SORTS[i % 4]}`, null, { q: w, sort: BROWSE_SORTS[i % 4], limit: 10 }]);
    asked.push([`q=${w} category=${CATEGORY_SLUGS[i % CATEGORY_SLUGS.length]}`, viewers[i % viewers.length], { q: w, category: CATEGORY_SLUGS[i % CATEGORY_SLUGS.length], limit: 10 }]);
  }
  for (let i = 0; i < 10; i++) {
    asked.push([`q=${ADJECTIVES[i]} ${AUDIENCES[i]}`, null, { q: `${ADJECTIVES[i]} ${AUDIENCES[i]}`, limit: 10 }]);
    asked.push([`q=typo ${typoOf(SEARCH_WORDS[i * 3], 0.5)}`, null, { q: typoOf(SEARCH_WORDS[i * 3], 0.5), limit: 10 }]);
    asked.push([`tag=${ALL_TAGS[i]} sort=${BROWSE_SORTS[i % 4]}`, null, { tag: ALL_TAGS[i], sort: BROWSE_SORTS[i % 4], limit: 10 }]);
    asked.push([`q=${SEARCH_WORDS[i]} author=${handles[i]}`, viewers[i], { q: SEARCH_WORDS[i], author: handles[i], limit: 10 }]);
  }
  asked.push([`q="sql query" OR regex`, null, { q: `"sql query" OR regex`, limit: 10 }]);
  asked.push([`q=-playful writer`, null, { q: `-playful writer`, limit: 10 }]);
  asked.push([`q=coding (names a category)`, null, { q: "coding", limit: 10 }]);
  asked.push([`q=zzzqqq`, null, { q: "zzzqqq", limit: 10 }]);
  const answers: unknown[] = [];
  for (const [label, viewer, input] of asked) {
    const pages: unknown[] = [];
    let cursor: string | null = null;
    let back: string | null = null;
    for (let page = 0; page < 3; page++) {
      const r: Awaited<ReturnType<typeof searchPromptsInMode>> = await searchPromptsInMode(db, viewer, { ...input, cursor });
      pages.push({ ids: r.items.map((x) => x.id), snippets: r.items.map((x) => x.snippet), bodyLocked: r.items.map((x) => x.bodyLocked), total: r.total, capped: r.totalCapped, didYouMean: r.didYouMean, next: Boolean(r.nextCursor), prev: Boolean(r.prevCursor) });
      back = r.prevCursor;
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    if (back) {
      const r = await searchPromptsInMode(db, viewer, { ...input, cursor: back });
      pages.push({ back: r.items.map((x) => x.id) });
    }
    answers.push({ label, pages });
  }
  return answers;
}

// ---------------------------------------------------------------------------------------------

type SearchFn = (db: Db, viewer: Actor | null, input: SearchInput) => Promise<{ items: unknown[]; nextCursor: string | null }>;

async function runSize(
  prompts: number,
  opts: { iterations: number; keep: boolean; plans: boolean; compact: boolean; answers?: string; compared?: SearchFn; comparedName?: string },
) {
  const { iterations } = opts;
  const users = Math.max(50, Math.floor(prompts / 100));

  const serverUrl = process.env.DATABASE_URL;
  const bench = serverUrl ? await openServerDatabase(serverUrl, { prefix: "bench_search", keep: opts.keep }) : await openPglite();
  const stop = () => {
    void bench.close().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  try {
    const { rows: versionRows } = await bench.sql.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    const dbLabel = `${bench.kind} (PostgreSQL ${versionRows[0].v}${bench.kind === "PGlite" ? ", WASM, in memory" : ""})`;
    console.log(`\ndatabase: ${dbLabel}`);
    console.log(`prompts: ${prompts}, users: ${users}, iterations: ${iterations} (+${WARMUP} warm-up)${opts.comparedName ? `, compared with ${opts.comparedName}` : ""}\n`);

    // --- load --------------------------------------------------------------------------------
    await bench.sql.exec(`SELECT setseed(0.4242)`);
    const loadStart = performance.now();
    for (const step of loadSteps(prompts, users, opts.compact)) {
      const t0 = performance.now();
      await bench.sql.exec(step.sql);
      console.log(`load ${step.name.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(8)} s`);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    console.log(`load total${" ".repeat(24)}${loadSeconds.toFixed(2).padStart(8)} s\n`);

    const { rows: counts } = await bench.sql.query<Record<string, string | number>>(`
      SELECT (SELECT count(*) FROM "User") AS users,
        (SELECT count(*) FROM "Prompt") AS prompts,
        (SELECT count(*) FROM "Prompt" WHERE visibility = 'public') AS public,
        (SELECT count(*) FROM "Prompt" WHERE visibility = 'unlisted') AS unlisted,
        (SELECT count(*) FROM "Prompt" WHERE visibility = 'private') AS private,
        (SELECT count(*) FROM "Prompt" WHERE "forkedFromVersionId" IS NOT NULL) AS forks,
        (SELECT count(*) FROM "PromptVersion") AS versions,
        (SELECT count(*) FROM "PromptLabel") AS labels,
        (SELECT count(*) FROM "Follow") AS follows,
        (SELECT count(*) FROM "Listing" WHERE status = 'active' AND "priceCents" > 0) AS "for sale",
        (SELECT count(*) FROM "Prompt" WHERE "searchVector" IS NULL) AS "unindexed",
        pg_size_pretty(pg_database_size(current_database())) AS "database size"`);
    console.log(`rows: ${Object.entries(counts[0]).map(([k, v]) => `${k} ${v}`).join(", ")}\n`);

    // --- what to ask -------------------------------------------------------------------------
    // Ordered by id, not random(), so that the same N asks the same questions on every run.
    const { rows: slugRows } = await bench.sql.query<{ slug: string }>(`SELECT slug FROM "Prompt" WHERE visibility = 'public' ORDER BY md5(id) LIMIT 2000`);
    const { rows: userRows } = await bench.sql.query<{ id: string; handle: string }>(`SELECT id, handle FROM "User" ORDER BY md5(id) LIMIT 2000`);
    const slugs = slugRows.map((r) => r.slug);
    const handles = userRows.map((r) => r.handle);
    const viewers: Actor[] = userRows.map((r) => ({ id: r.id, handle: r.handle, role: "user" }));
    const { db } = bench;

    if (opts.answers) {
      const file = opts.answers.replace("{n}", String(prompts));
      await writeFile(file, `${JSON.stringify(await collectAnswers(db, viewers, handles), null, 1)}\n`);
      console.log(`answers written to ${file}\n`);
    }

    const rng = seededRandom(7);
    const any = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
    let turn = 0;
    const nextSort = () => BROWSE_SORTS[turn++ % BROWSE_SORTS.length];
    // prompt.search as the router calls it (mode "text" is the default).
    const search = (viewer: Actor | null, input: SearchInput) => searchPromptsInMode(db, viewer, { ...input, mode: "text" });
    // A second page needs the first page's cursor: remember some from earlier searches.
    const cursors: { q: string; cursor: string }[] = [];
    // With --compare, each question goes to both versions, in turns (which goes first alternates),
    // so that both meet the same questions and the same load; each is timed on its own line.
    let alternate = 0;
    const textSearch = (ask: () => [Actor | null, SearchInput]) => async (lap: Lap) => {
      const [viewer, input] = ask();
      if (!opts.compared) {
        const page = await search(viewer, input);
        if (input.q && !input.cursor && !input.sort && page.nextCursor && cursors.length < 500) cursors.push({ q: input.q, cursor: page.nextCursor });
        return page.items.length;
      }
      const compared = opts.compared;
      const runs = [() => lap("this version", () => search(viewer, input)), () => lap("compared version", () => compared(db, viewer, input))];
      if (alternate++ % 2) runs.reverse();
      const [a] = [await runs[0](), await runs[1]()];
      if (input.q && !input.cursor && !input.sort && a.nextCursor && cursors.length < 500) cursors.push({ q: input.q, cursor: a.nextCursor });
      return a.items.length;
    };

    const scenarios: Scenario[] = [
      { name: "(a) text: one word, relevance", run: textSearch(() => [null, { q: any(SEARCH_WORDS), limit: 20 }]) },
      { name: "(a) text: two words, relevance", run: textSearch(() => [null, { q: `${any(ADJECTIVES)} ${any(AUDIENCES)}`, limit: 20 }]) },
      { name: "(a) text: rare word, relevance", run: textSearch(() => [null, { q: any(RARE_WORDS), limit: 20 }]) },
      { name: "(a) text: word + category", run: textSearch(() => [null, { q: any(SEARCH_WORDS), category: any(CATEGORY_SLUGS), limit: 20 }]) },
      { name: "(a) text: word + tag", run: textSearch(() => [null, { q: any(SEARCH_WORDS), tag: any(ALL_TAGS), limit: 20 }]) },
      { name: "(a) text: word, other sorts", run: textSearch(() => [null, { q: any(SEARCH_WORDS), sort: nextSort(), limit: 20 }]) },
      {
        name: "(a) text: word, next page",
        run: textSearch(() => {
          const { q, cursor } = cursors.length ? any(cursors) : { q: any(SEARCH_WORDS), cursor: null };
          return [null, { q, cursor, limit: 20 }];
        }),
      },
      { name: "(a) text: word, signed in", run: textSearch(() => [any(viewers), { q: any(SEARCH_WORDS), limit: 20 }]) },
      { name: "(a) text: typo (did you mean)", run: textSearch(() => [null, { q: typoOf(any(SEARCH_WORDS), rng()), limit: 20 }]) },
      {
        name: "(b) browse: category + sort",
        run: async () => (await searchPrompts(db, null, { category: any(CATEGORY_SLUGS), sort: nextSort(), limit: 20 })).items.length,
      },
      {
        name: "(b) browse: tag + sort",
        run: async () => (await searchPrompts(db, null, { tag: any(ALL_TAGS), sort: nextSort(), limit: 20 })).items.length,
      },
      {
        // prompt.list: the Prisma-built catalogue page (its `_count` of versions aggregates the whole table).
        name: "(b) listPrompts: category, newest",
        run: async () => (await listPrompts(db, null, { category: any(CATEGORY_SLUGS), limit: 20 })).items.length,
      },
      {
        name: "(c) prompt page (signed-in viewer)",
        run: async (lap) => {
          const viewer = any(viewers);
          const prompt = await lap("getPromptBySlug", () => getPromptBySlug(db, viewer, any(slugs)));
          const versions = await lap("listVersions (first page)", () => listVersions(db, viewer, { promptId: prompt.id, limit: 20 }));
          return versions.items.length;
        },
      },
      {
        name: "(d) profile page (signed-in viewer)",
        run: async (lap) => {
          const viewer = any(viewers);
          const handle = any(handles);
          await lap("getUserByHandle", () => getUserByHandle(db, viewer, handle));
          const page = await lap("searchPrompts(author)", () => searchPrompts(db, viewer, { author: handle, limit: 20 }));
          return page.items.length;
        },
      },
    ];

    const stats: Stat[] = [];
    for (const scenario of scenarios) stats.push(...(await measure(scenario, iterations)));
    console.log(`=== ${dbLabel}, N = ${prompts} prompts, load ${loadSeconds.toFixed(1)} s, K = ${iterations} ===`);
    printTable(stats);

    // --- plans -------------------------------------------------------------------------------
    console.log("\nEXPLAIN (ANALYZE, BUFFERS) of every statement a search sends:");
    const explained: [string, Actor | null, ModeSearchInput][] = [
      [`text q="playful" (common word)`, null, { q: "playful", limit: 20 }],
      [`text q="review"`, null, { q: "review", limit: 20 }],
      [`text q="write" (in every body)`, null, { q: "write", limit: 20 }],
      [`text q="movie" (rare word)`, null, { q: "movie", limit: 20 }],
      [`text q="playful students" (two words)`, null, { q: "playful students", limit: 20 }],
      [`text q="playful" category=writing`, null, { q: "playful", category: "writing", limit: 20 }],
      [`text q="playful" sort=newest`, null, { q: "playful", sort: "newest", limit: 20 }],
      [`text q="playful" (signed in)`, viewers[1], { q: "playful", limit: 20 }],
      [`text q="plaxful" (typo)`, null, { q: "plaxful", limit: 20 }],
      [`browse category=coding sort=trending`, null, { category: "coding", sort: "trending", limit: 20 }],
      [`browse tag=python sort=most_liked`, null, { tag: "python", sort: "most_liked", limit: 20 }],
      [`profile author=${handles[0]} (signed in)`, viewers[1], { author: handles[0], limit: 20 }],
    ];
    for (const [label, viewer, input] of explained) await explainSearch(bench, label, viewer, input, opts.plans);
    return stats;
  } finally {
    process.off("SIGINT", stop);
    await bench.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      prompts: { type: "string" },
      iterations: { type: "string", default: "200" },
      keep: { type: "boolean", default: false },
      plans: { type: "boolean", default: false },
      answers: { type: "string" },
      compare: { type: "string" },
      "no-compact": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const sizes = (values.prompts ?? "").split(",").map(Number);
  const iterations = Number(values.iterations);
  if (!sizes.every((n) => Number.isInteger(n) && n >= 1) || !Number.isInteger(iterations) || iterations < 1) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  // Another version of search-prompts.ts (say, a copy of the last commit's) to time against this one.
  const compared = values.compare ? ((await import(resolve(values.compare))) as { searchPrompts: SearchFn }).searchPrompts : undefined;
  const bySize: { prompts: number; stats: Stat[] }[] = [];
  for (const prompts of sizes) {
    const answers = values.answers && sizes.length > 1 && !values.answers.includes("{n}") ? values.answers.replace(/(\.json)?$/, ".{n}$1") : values.answers;
    bySize.push({ prompts, stats: await runSize(prompts, { iterations, keep: values.keep, plans: values.plans, compact: !values["no-compact"], answers, compared, comparedName: values.compare }) });
  }
  if (bySize.length > 1) printGrowth(bySize);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
