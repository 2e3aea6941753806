// Identity benchmark: how right same / variant / new decisions are, and how fast and exact the
// nearest-prompt lookup is.
//
//   npm run bench:identity -- [--n 100000] [--owners 10] [--queries 200] [--e2e-pairs 400]
//                             [--skip-decisions] [--skip-e2e] [--skip-lookup] [--skip-pglite]
//
// 1. Decisions on the labelled pairs of src/server/domain/identity/identity-pairs.fixture.ts, per half
//    (tuning: what the rules were tuned on; heldout: never tuned on), per class and overall, for
//    decideIdentity and for the embedder alone (decide on the cosine), with the misses listed.
// 2. End to end: each held-out pair through the real pipeline on a fresh PGlite database: the first
//    text is a library prompt of a fresh owner, the second the system prompt of a captured chat call
//    with a varying user message, run through identifyCapture.
// 3. Nearest-prompt lookup at N embeddings (spread over --owners owners): p50/p95 of nearestPrompt
//    (HNSW on PromptEmbedding.local256) and recall@1 against exact search, on PGlite and, when
//    DATABASE_URL names a PostgreSQL server, on a throw-away database there.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { createScratchDatabase } from "../src/test/scratch-database";
import { migrate } from "../src/server/db/migrator";
import { pgliteExtensions } from "../src/server/db/pglite-extensions";
import { createPgPrismaClient, createPrismaClient, type Db } from "../src/server/db/prisma";
import { pgConnection, pgliteConnection } from "../src/server/db/sql-connection";
import { createPrompt } from "../src/server/domain/prompts/create-prompt";
import { cosine, embedLocally, localEmbedder, LOCAL_MODEL } from "../src/server/domain/embeddings/local-embedder";
import { nearestPrompt } from "../src/server/domain/embeddings/prompt-embeddings";
import { vectorLiteral } from "../src/server/domain/embeddings/embedding-columns";
import { decide, decideIdentity } from "../src/server/domain/identity/decide";
import { identifyCapture } from "../src/server/domain/identity/identify-capture";
import { labelledPairs, type Half, type IdentityTruth, type LabelledPair } from "../src/server/domain/identity/identity-pairs.fixture";
import { BASE_PROMPTS, POSTAMBLES, PREAMBLES } from "../src/server/domain/identity/identity-bases.fixture";
import { thresholdsFor } from "../src/server/domain/identity/thresholds";

const CLASSES: IdentityTruth[] = ["same", "variant", "new"];
const thresholds = thresholdsFor(LOCAL_MODEL, undefined);

type Scored = { pair: LabelledPair; decision: string };

function accuracyTable(title: string, rows: Scored[]) {
  const line = (half: Half | "all") => {
    const xs = half === "all" ? rows : rows.filter((r) => r.pair.half === half);
    if (xs.length === 0) return null;
    const acc = (ys: Scored[]) => (ys.length ? (ys.filter((r) => r.decision === r.pair.truth).length / ys.length).toFixed(3) : "  -  ");
    const perClass = CLASSES.map((c) => `${c} ${acc(xs.filter((r) => r.pair.truth === c))} (${xs.filter((r) => r.pair.truth === c).length})`);
    return `  ${half.padEnd(8)} overall ${acc(xs)} (${xs.length})   ${perClass.join("   ")}`;
  };
  console.log(`\n${title}`);
  for (const half of ["tuning", "heldout"] as const) {
    const l = line(half);
    if (l) console.log(l);
  }
}

function confusion(rows: Scored[]) {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.decision !== r.pair.truth) counts.set(`${r.pair.truth}→${r.decision}`, (counts.get(`${r.pair.truth}→${r.decision}`) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ") || "none";
}

function misses(rows: Scored[], limit: number) {
  const wrong = rows.filter((r) => r.decision !== r.pair.truth);
  for (const r of wrong.slice(0, limit)) {
    console.log(`    ${r.pair.id} ${r.pair.truth}→${r.decision} [${r.pair.kind}]\n      a: ${oneLine(r.pair.a)}\n      b: ${oneLine(r.pair.b)}`);
  }
  if (wrong.length > limit) console.log(`    … and ${wrong.length - limit} more`);
}
const oneLine = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s).replace(/\s+/g, " ");

function decisions(pairs: LabelledPair[]) {
  console.log(`# Decisions on ${pairs.length} labelled pairs (${pairs.filter((p) => p.half === "tuning").length} tuning, ${pairs.filter((p) => p.half === "heldout").length} held out)`);
  const embedderOnly: Scored[] = [];
  const full: Scored[] = [];
  let ms = 0;
  for (const pair of pairs) {
    const similarity = cosine(embedLocally(pair.a), embedLocally(pair.b));
    embedderOnly.push({ pair, decision: decide(similarity, thresholds) });
    const t0 = performance.now();
    full.push({ pair, decision: decideIdentity({ text: pair.b, candidateText: pair.a, similarity, thresholds }) });
    ms += performance.now() - t0;
  }
  accuracyTable(`embedder alone (${LOCAL_MODEL}, same ≥ ${thresholds.same}, variant ≥ ${thresholds.variant})`, embedderOnly);
  accuracyTable("decideIdentity (embedding, then the word diff)", full);
  console.log(`  mean decideIdentity time ${(ms / pairs.length).toFixed(3)} ms per pair`);
  console.log(`  misses, held out: ${confusion(full.filter((r) => r.pair.half === "heldout"))}; tuning: ${confusion(full.filter((r) => r.pair.half === "tuning"))}`);
  misses(full.filter((r) => r.pair.half === "heldout"), 8);
  // Long texts stay bounded: a 20k-word pair.
  const long = Array.from({ length: 400 }, (_, i) => BASE_PROMPTS[i % BASE_PROMPTS.length].sentences.join(" ")).join("\n");
  const t0 = performance.now();
  decideIdentity({ text: long.replace(/Keep/g, "Always keep"), candidateText: long, similarity: 0.99, thresholds });
  console.log(`  a pair of ${long.split(/\s+/).length}-word texts: ${(performance.now() - t0).toFixed(1)} ms`);
}

// ---------------------------------------------------------------------------------------------

async function endToEnd(pairs: LabelledPair[]) {
  console.log(`\n# End to end through identifyCapture (${pairs.length} held-out pairs, fresh PGlite database)`);
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  await migrate(pgliteConnection(pglite));
  const db = createPrismaClient(new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory);
  const rows: Scored[] = [];
  const t0 = performance.now();
  try {
    for (const [i, pair] of pairs.entries()) {
      const user = await db.user.create({ data: { handle: `bench-${i}`, email: `bench-${i}@example.com` } });
      await createPrompt(db, { id: user.id, handle: user.handle, role: user.role }, { title: `Library prompt ${i}`, description: "", category: "agents", tags: [], visibility: "private", body: pair.a, changelog: "" });
      const question = USER_TURNS[i % USER_TURNS.length];
      const requestBody = { model: "gpt-4o-mini", messages: [{ role: "system", content: pair.b }, { role: "user", content: question }] };
      const capture = await db.capture.create({
        data: { ownerId: user.id, provider: "openai", endpoint: "/v1/chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 20, requestBody, systemPrompt: pair.b, promptText: `system: ${pair.b}\n\nuser: ${question}` },
      });
      const result = await identifyCapture(db, capture.id, localEmbedder);
      rows.push({ pair, decision: result.decision });
    }
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
  accuracyTable("identifyCapture decisions", rows);
  console.log(`  misses: ${confusion(rows)}; ${((performance.now() - t0) / pairs.length).toFixed(1)} ms per capture (user, library prompt, capture, identify)`);
  misses(rows, 5);
}

const USER_TURNS = [
  "Hi! Can you help me with this?", "Here is the input:\n\nOur Q3 revenue grew 12% while costs fell.", "please do it for the text below\nThe quick brown fox jumps over the lazy dog.",
  "What do you need from me?", "Input: order #4411, customer Jane Doe, 3 items", "Thanks. Go.",
];

// ---------------------------------------------------------------------------------------------

type LookupDb = { kind: string; db: Db; close: () => Promise<void> };

async function openPglite(): Promise<LookupDb> {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  await migrate(pgliteConnection(pglite));
  const db = createPrismaClient(new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory);
  return { kind: "PGlite", db, close: async () => { await db.$disconnect(); await pglite.close(); } };
}

async function openPostgres(serverUrl: string): Promise<LookupDb> {
  const scratch = await createScratchDatabase(serverUrl, "bench_identity");
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  await migrate(pgConnection(client));
  await client.end();
  const db = createPgPrismaClient(scratch.url, { max: 4 });
  return { kind: "PostgreSQL", db, close: async () => { await db.$disconnect(); await scratch.drop(); } };
}

/** Deterministic prompt-like texts: sentences of the base prompts, boilerplate and a numbered tail. */
function corpusText(i: number): string {
  const sentences = BASE_PROMPTS.flatMap((b) => b.sentences);
  let s = (i * 2654435761) >>> 0;
  const next = () => ((s = (Math.imul(s ^ (s >>> 13), 0x5bd1e995) + 0x6d2b79f5) >>> 0) % 1_000_003);
  const parts = [PREAMBLES[next() % PREAMBLES.length]];
  for (let k = 0; k < 3 + (next() % 4); k++) parts.push(sentences[next() % sentences.length]);
  if (next() % 2) parts.push(POSTAMBLES[next() % POSTAMBLES.length]);
  parts.push(`Ticket ${i}: handle case ${next() % 997} for team ${next() % 89}.`);
  return parts.join("\n");
}

async function lookup(target: LookupDb, n: number, owners: number, queries: number) {
  const { db } = target;
  console.log(`\n# Nearest-prompt lookup on ${target.kind}: ${n} embeddings over ${owners} owners, ${queries} queries`);
  // The lookup reads PromptEmbedding only; without the prompt rows' foreign key the vectors load alone.
  await db.$executeRawUnsafe(`ALTER TABLE "PromptEmbedding" DROP CONSTRAINT IF EXISTS "PromptEmbedding_promptId_fkey"`);
  await db.$executeRawUnsafe(`DROP INDEX IF EXISTS "PromptEmbedding_local256_hnsw"`);
  const ownerId = (i: number) => `owner-${i % owners}`;
  let t0 = performance.now();
  const BATCH = 500;
  for (let from = 0; from < n; from += BATCH) {
    const values: string[] = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++) {
      values.push(`('p${String(i).padStart(7, "0")}', '${LOCAL_MODEL}', '${ownerId(i)}', 'h${i}', '${vectorLiteral(embedLocally(corpusText(i)))}'::vector, now())`);
    }
    await db.$executeRawUnsafe(`INSERT INTO "PromptEmbedding" ("promptId", "model", "ownerId", "textHash", "local256", "updatedAt") VALUES ${values.join(",")}`);
  }
  console.log(`  loaded ${n} vectors in ${((performance.now() - t0) / 1000).toFixed(1)} s (embedding included)`);
  t0 = performance.now();
  // Room for the whole graph in memory: a build that spills is many times slower.
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '512MB'`);
    await tx.$executeRawUnsafe(`CREATE INDEX "PromptEmbedding_local256_hnsw" ON "PromptEmbedding" USING hnsw ("local256" vector_cosine_ops)`);
  }, { timeout: 3_600_000, maxWait: 60_000 });
  await db.$executeRawUnsafe(`ANALYZE "PromptEmbedding"`);
  console.log(`  built the HNSW index in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Queries: stored prompts with an edit (the capture of a variant), the owner's own lookup.
  const samples: number[] = [];
  let hits = 0;
  let ties = 0;
  for (let q = 0; q < queries; q++) {
    const i = Math.floor((q * n) / queries + 7) % n;
    const text = corpusText(i).replace("Ticket", "Urgent ticket");
    const vector = embedLocally(text);
    const owner = ownerId(i);
    const started = performance.now();
    const found = await db.$transaction((tx) => nearestPrompt(tx, localEmbedder, owner, vector));
    samples.push(performance.now() - started);
    const exact = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL enable_indexscan = off`);
      return tx.$queryRawUnsafe<{ promptId: string; distance: number }[]>(
        `SELECT "promptId", ("local256" <=> $1::vector)::float8 AS distance FROM "PromptEmbedding" WHERE "ownerId" = $2 AND model = $3 ORDER BY "local256" <=> $1::vector LIMIT 1`,
        vectorLiteral(vector), owner, LOCAL_MODEL,
      );
    });
    if (found && exact[0] && found.promptId === exact[0].promptId) hits++;
    else if (found && exact[0] && Math.abs(1 - found.similarity - Number(exact[0].distance)) < 1e-9) ties++;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)].toFixed(2);
  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT "promptId" FROM "PromptEmbedding" WHERE "ownerId" = 'owner-0' AND model = '${LOCAL_MODEL}' AND "local256" IS NOT NULL ORDER BY "local256" <=> '${vectorLiteral(embedLocally("x"))}'::vector LIMIT 1`,
  );
  const planText = plan.map((r) => r["QUERY PLAN"]).join(" ");
  console.log(`  nearestPrompt p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms; recall@1 ${((hits + ties) / queries).toFixed(3)} against exact search (${ties} equal-distance ties)`);
  console.log(`  plan: ${/PromptEmbedding_local256_hnsw/.test(planText) ? "HNSW index scan" : /ownerId/.test(planText) && /Index|Bitmap/.test(planText) ? "owner index, then sort (exact)" : "sequential scan"}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "100000" },
      owners: { type: "string", default: "10" },
      queries: { type: "string", default: "200" },
      "e2e-pairs": { type: "string" },
      "skip-e2e": { type: "boolean", default: false },
      "skip-lookup": { type: "boolean", default: false },
      "skip-decisions": { type: "boolean", default: false },
      "skip-pglite": { type: "boolean", default: false },
    },
  });
  const pairs = labelledPairs();
  if (!values["skip-decisions"]) decisions(pairs);
  if (!values["skip-e2e"]) {
    const heldout = pairs.filter((p) => p.half === "heldout");
    await endToEnd(heldout.slice(0, values["e2e-pairs"] ? Number(values["e2e-pairs"]) : heldout.length));
  }
  if (!values["skip-lookup"]) {
    const n = Number(values.n);
    const owners = Number(values.owners);
    const queries = Number(values.queries);
    if (!(n > 0 && owners > 0 && queries > 0)) throw new Error("--n, --owners and --queries must be positive numbers");
    const targets: (() => Promise<LookupDb>)[] = values["skip-pglite"] ? [] : [openPglite];
    if (process.env.DATABASE_URL) targets.push(() => openPostgres(process.env.DATABASE_URL!));
    for (const open of targets) {
      const target = await open();
      try {
        await lookup(target, n, owners, queries);
      } finally {
        await target.close();
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
