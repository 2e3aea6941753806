// Loads the demo catalogue through the same domain functions the app uses. Idempotent: users and
// prompts that already exist (by handle / slug) are left alone.
import type { Db } from "@/server/db/prisma";
import type { Actor } from "@/server/domain/actor";
import { createPrompt } from "@/server/domain/prompts/create-prompt";
import { createVersion } from "@/server/domain/versions/create-version";
import { promoteVersion } from "@/server/domain/versions/promote-version";
import { currentEmbedder } from "@/server/domain/embeddings/current-embedder";
import { ensureAllPromptEmbeddings } from "@/server/domain/embeddings/prompt-embeddings";
import { hashPassword } from "@/server/domain/users/password";
import { DEMO_PASSWORD, seedPrompts, seedUsers } from "./catalogue";
import { seedActivity } from "./activity";
import { seedCollections } from "./collections";
import { seedMarketplace } from "./marketplace";
import { seedUsage } from "./usage";

export { DEMO_PASSWORD };

export async function seedDemoCatalogue(db: Db, log: (line: string) => void = () => {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const actors = new Map<string, Actor>();
  for (const u of seedUsers) {
    const user = await db.user.upsert({
      where: { handle: u.handle },
      create: { handle: u.handle, email: u.email, name: u.name, bio: u.bio, image: u.image, role: u.role ?? "user", passwordHash },
      update: {},
      select: { id: true, handle: true, role: true },
    });
    actors.set(u.handle, user);
  }

  let created = 0;
  // Spread creation times over recent weeks so "newest" and feeds look lived-in.
  const start = Date.now() - (seedPrompts.length * 6 + 24) * 3600_000;
  for (const [index, p] of seedPrompts.entries()) {
    if (await db.prompt.findUnique({ where: { slug: p.slug }, select: { id: true } })) continue;
    const owner = actors.get(p.ownerHandle);
    if (!owner) throw new Error(`seed prompt ${p.slug}: unknown owner ${p.ownerHandle}`);
    let forkedFromVersionId: string | undefined;
    if (p.forkOf) {
      const source = await db.promptVersion.findFirst({ where: { prompt: { slug: p.forkOf.slug }, number: p.forkOf.version }, select: { id: true } });
      if (!source) throw new Error(`seed prompt ${p.slug}: fork source ${p.forkOf.slug} v${p.forkOf.version} missing`);
      forkedFromVersionId = source.id;
    }
    const [first, ...rest] = p.versions;
    // Back-dated: the prompt appears at its slot in the timeline, later versions a few hours apart.
    const at = (versionIndex: number) => new Date(start + index * 6 * 3600_000 + versionIndex * 3 * 3600_000);
    const prompt = await createPrompt(
      db,
      owner,
      {
        title: p.title,
        description: p.description,
        category: p.category,
        tags: p.tags,
        visibility: p.visibility ?? "public",
        body: first.body,
        changelog: first.changelog,
        modelSettings: p.modelSettings,
      },
      { forkedFromVersionId, createdAt: at(0) },
    );
    await db.prompt.update({ where: { id: prompt.id }, data: { slug: p.slug } });
    const versionIds = [prompt.version.id];
    for (const [i, v] of rest.entries()) {
      const version = await createVersion(db, owner, { promptId: prompt.id, body: v.body, changelog: v.changelog, modelSettings: p.modelSettings }, { createdAt: at(i + 1) });
      versionIds.push(version.id);
    }
    if (p.productionVersion) await promoteVersion(db, owner, { versionId: versionIds[p.productionVersion - 1], label: "production" });
    await db.prompt.update({ where: { id: prompt.id }, data: { createdAt: at(0), updatedAt: at(p.versions.length - 1) } });
    created++;
  }
  if (created > 0) await seedActivity(db, [...actors.values()]);
  if (created > 0) await seedCollections(db, actors);
  const market = await seedMarketplace(db);
  // Notifications written while seeding carry the seeding moment; sales and refunds happened earlier
  // (their purchases are back-dated), and anything older than two days has been seen.
  if (market.listings > 0) {
    await db.$executeRaw`UPDATE "Notification" n SET "createdAt" = COALESCE(p."paidAt", p."createdAt") FROM "Purchase" p WHERE n."purchaseId" = p.id AND n.kind = 'listing_sale'`;
    await db.$executeRaw`UPDATE "Notification" n SET "createdAt" = r."createdAt" FROM "Refund" r WHERE n."purchaseId" = r."purchaseId" AND n.kind = 'listing_refund'`;
    await db.$executeRaw`UPDATE "Notification" SET "readAt" = "createdAt" WHERE "readAt" IS NULL AND "createdAt" < now() - interval '2 days'`;
  }
  // A month of usage events, rolled up, and trending computed from them (Home's Trending section).
  if (created > 0) {
    const usage = await seedUsage(db);
    log(`seeded ${usage.events} usage events; trending scores for ${usage.trending} prompts`);
  }
  // The seed runs before the job runner starts, so its embed events go nowhere: embed here (Similar
  // prompts and search by meaning need them). An embeddings outage leaves it to `reembed`.
  if (created > 0) {
    await ensureAllPromptEmbeddings(db, currentEmbedder()).catch((error: unknown) =>
      log(`embeddings skipped (${error instanceof Error ? error.message : String(error)}); run npm run cli -- reembed`),
    );
  }
  log(`seeded ${actors.size} users and ${created} new prompts` + (market.listings ? `, ${market.listings} listings and ${market.sales} sales` : ""));
  return { users: actors.size, prompts: created, listings: market.listings, sales: market.sales };
}
