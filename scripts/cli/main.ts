// Promptuary's command line. Works while the server runs (through the embedded database's socket)
// and when it does not (it then opens the database itself, under the same lock).
//   npm run cli -- user create --email E --password P --handle H [--name N] [--role admin] [--json]
//   npm run cli -- apikey create --email E [--name N] [--json]
//   npm run cli -- db migrate | db seed
//   npm run cli -- reembed [--json]
//   npm run cli -- induce --input FILE [--threshold 0.8] [--json]   (no server, no database)
//   npm run cli -- recluster --email E [--json]
//   npm run cli -- rollup [--json]
//   npm run cli -- export --owner HANDLE [--out FILE]  |  import FILE|FOLDER [--owner HANDLE] [--dry-run]   (portability.ts)
//   PROMPTUARY_KEY=pq_… [PROMPTUARY_URL=https://…] npm run --silent cli -- mcp   (MCP over stdio; no database)
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { prepareDatabase } from "../../src/server/db/prepare-database";
import { createPgPrismaClient, type Db } from "../../src/server/db/prisma";
import { createApiKey } from "../../src/server/domain/api-keys/api-keys";
import { createUser } from "../../src/server/domain/users/create-user";
import { DomainError } from "../../src/server/domain/errors";
import { signUpInput, emailSchema } from "../../src/server/domain/users/schemas";

const USAGE = `usage:
  npm run cli -- user create --email E --password P --handle H [--name N] [--role admin] [--json]
  npm run cli -- apikey create --email E [--name N] [--json]
  npm run cli -- db migrate
  npm run cli -- db seed
  npm run cli -- reembed [--json]
  npm run cli -- induce --input FILE [--threshold 0.8] [--json]
  npm run cli -- recluster --email E [--json]
  npm run cli -- rollup [--json]
  npm run cli -- export --owner HANDLE [--out FILE] [--json]
  npm run cli -- import FILE|FOLDER [--owner HANDLE] [--dry-run] [--format jsonl|promptfoo|markdown] [--category C] [--visibility V] [--json]
  PROMPTUARY_KEY=pq_… [PROMPTUARY_URL=https://…] npm run --silent cli -- mcp`;

class UsageError extends Error {}

// A flag parseArgs refuses (unknown, or missing its value) is a usage error: its message names the flag; exit 2.
function parseArgsOrExit<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}

const { values, positionals } = parseArgsOrExit({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    input: { type: "string" },
    threshold: { type: "string" },
    password: { type: "string" },
    handle: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    owner: { type: "string" },
    out: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    format: { type: "string" },
    category: { type: "string" },
    visibility: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new UsageError(result.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  return result.data;
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await prepareDatabase();
  const db = createPgPrismaClient(database.url, { max: 1 });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

const print = (json: unknown, text: string) => console.log(values.json ? JSON.stringify(json) : text);

async function run() {
  const [group, command] = positionals;
  if (values.help || !group) return console.log(USAGE);
  if (group === "export" || group === "import") return runPortabilityCommand(group, command);
  const route = `${group} ${command ?? ""}`.trim();
  switch (route) {
    case "user create": {
      const role = parse(z.enum(["user", "admin"], { error: "must be user or admin" }).default("user"), values.role);
      const input = parse(signUpInput, { email: values.email, password: values.password, handle: values.handle, name: values.name });
      const user = await withDb((db) => createUser(db, { ...input, role }, { source: "cli" }));
      return print({ id: user.id, email: user.email, handle: user.handle, role: user.role }, `Created ${user.role} @${user.handle} <${user.email}> (${user.id})`);
    }
    case "apikey create": {
      const email = parse(emailSchema, values.email);
      const name = values.name ?? "CLI key";
      const key = await withDb(async (db) => {
        const user = await db.user.findUnique({ where: { email }, select: { id: true, handle: true, role: true } });
        if (!user) throw new UsageError(`--email: no user with email ${email}`);
        return createApiKey(db, user, { name });
      });
      return print({ key: key.key, id: key.id, name: key.name, prefix: key.prefix }, `API key "${key.name}" (shown once, keep it safe):\n${key.key}`);
    }
    case "db migrate": {
      const database = await prepareDatabase();
      await database.stop();
      return print({ applied: database.applied }, database.applied.length ? `Applied: ${database.applied.join(", ")}` : "Database is up to date.");
    }
    case "db seed": {
      const { seedDemoCatalogue } = await import("../../prisma/seed/seed");
      const result = await withDb((db) => seedDemoCatalogue(db));
      return print(result, `Seeded: ${result.users} users, ${result.prompts} new prompts.`);
    }
    case "reembed": {
      // Runs the re-embed job here and now (its BackgroundJob row shows the progress to admins too);
      // progress goes to stderr so that --json prints one object.
      const { runReembedJob } = await import("../../src/server/domain/embeddings/reembed");
      const { openJob } = await import("../../src/server/domain/background-jobs/background-jobs");
      const { currentEmbedder } = await import("../../src/server/domain/embeddings/current-embedder");
      const result = await withDb(async (db) => {
        const { job, created } = await openJob(db, "embeddings.reembed", null);
        if (!created) throw new UsageError(`a re-embed job is already ${job.status} (${job.id}); wait for it to finish`);
        let shown = -1;
        return runReembedJob(db, job.id, currentEmbedder(), (done, total) => {
          const percent = total ? Math.floor((done / total) * 100) : 100;
          if (percent !== shown) console.error(`reembed: ${done}/${total} (${percent}%)`);
          shown = percent;
        });
      });
      return print(result, `Re-embedded ${result.prompts} prompts and ${result.detectedPrompts} detected prompts with ${result.model} in ${result.ms} ms.`);
    }
    case "recluster": {
      // Re-clusters the owner's captured prompts into templates here and now, as their re-cluster
      // job (the Templates page shows it); progress goes to stderr so that --json prints one object.
      const { email } = parse(z.object({ email: emailSchema }), { email: values.email });
      const { openJob } = await import("../../src/server/domain/background-jobs/background-jobs");
      const { runReclusterJob } = await import("../../src/server/domain/templates/recluster-job");
      const outcome = await withDb(async (db) => {
        const user = await db.user.findUnique({ where: { email }, select: { id: true } });
        if (!user) throw new UsageError(`--email: no user with email ${email}`);
        const { job } = await openJob(db, "template.recluster", user.id);
        if (job.status === "running") throw new UsageError(`a re-cluster job is already running for ${email} (${job.id}); wait for it to finish`);
        let shown = -1;
        return runReclusterJob(db, user.id, job.id, {
          onProgress: (done, total) => {
            const percent = total ? Math.floor((done / total) * 100) : 100;
            if (percent !== shown) console.error(`recluster: ${percent}%`);
            shown = percent;
          },
        });
      });
      const r = outcome.result;
      if (!r) throw new Error(`re-cluster job ${outcome.jobId} was already done`);
      return print(
        { jobId: outcome.jobId, ...r },
        `Re-clustered ${r.captures} captures (${r.texts} distinct prompts) at threshold ${r.threshold} in ${r.ms} ms: ${r.templates} templates (${r.created} new, ${r.kept} kept, ${r.deleted} deleted), ${r.clustered} captures in a template, ${r.unclustered} in none, ${r.promotedUses} counted as uses of promoted templates, ${r.detectedMerged} detected prompts merged.`,
      );
    }
    case "rollup": {
      // The analytics job here and now: usage events into the rollups (with the retention), then trending.
      const { rollUp } = await import("../../src/server/domain/analytics/rollup");
      const { computeTrending } = await import("../../src/server/domain/analytics/trending");
      const started = Date.now();
      const result = await withDb(async (db) => {
        const rolled = await rollUp(db);
        const trendingChanged = await computeTrending(db);
        return { ...rolled, rolledUpTo: rolled.rolledUpTo.toISOString(), trendingChanged, ms: Date.now() - started };
      });
      return print(
        result,
        `Rolled up ${result.hours} hours (${result.events} events) to ${result.rolledUpTo}; deleted ${result.deleted} events past the retention; trending changed for ${result.trendingChanged} prompts; ${result.ms} ms.`,
      );
    }
    case "mcp": {
      // MCP over stdio, bridged to the server's /api/mcp (scripts/cli/mcp.ts): runs until stdin closes.
      const { runMcp } = await import("./mcp");
      const refused = await runMcp(process.env);
      if (refused) throw new UsageError(refused.usage);
      return;
    }
    case "induce": {
      // Pure template induction over a file: never opens the database.
      const { induceFile } = await import("./induce");
      const outcome = induceFile({ input: values.input, threshold: values.threshold });
      if ("usage" in outcome) throw new UsageError(outcome.usage);
      return print(outcome.result, outcome.text);
    }
    default:
      throw new UsageError(`unknown command "${route}"\n${USAGE}`);
  }
}

/** export / import (scripts/cli/portability.ts); an import with conflicts or invalid items exits 1. */
async function runPortabilityCommand(group: "export" | "import", path: string | undefined) {
  const portability = await import("./portability");
  try {
    if (group === "export") {
      const result = await portability.runExport(withDb, { owner: values.owner, out: values.out });
      // Without --out the export is stdout: the summary goes to stderr.
      if (values.out) return print(result, `Exported ${result.prompts} prompts of @${result.owner} to ${result.out}.`);
      return console.error(`Exported ${result.prompts} prompts of @${result.owner}.`);
    }
    const report = await portability.runImport(withDb, { path, owner: values.owner, dryRun: values["dry-run"], format: values.format, category: values.category, visibility: values.visibility });
    print(report, portability.formatImportReport(report));
    if (report.counts.conflict + report.counts.invalid > 0) process.exitCode = 1;
  } catch (error) {
    if (error instanceof portability.PortabilityUsageError) throw new UsageError(error.message);
    throw error;
  }
}

run().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DomainError) {
    const fields = error.fieldErrors ? Object.entries(error.fieldErrors).map(([f, m]) => ` (--${f}: ${m.join(", ")})`).join("") : "";
    console.error(`${error.message}${fields}`);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
