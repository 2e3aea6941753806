// The audit log is append-only in the database itself (the governance migration's triggers): an
// UPDATE, DELETE or TRUNCATE of AuditEntry is refused whoever sends it, through Prisma or as raw SQL,
// and the entries are unchanged afterwards. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import { describe, expect, it } from "vitest";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { recordAudit } from "./record-audit";

const t = setUpTestDatabase();

/** The database's refusal (fails the test when the statement went through). */
async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the database accepted a change to the audit log").toBeInstanceOf(Error);
  expect(String((error as Error).message)).toMatch(/append-only/);
}

async function twoEntries() {
  const { actor } = await makeUser(t.db);
  await recordAudit(t.db, { actor, action: "account.password", target: { type: "user", id: actor.id }, from: "a password", to: "a new password", request: { ip: "203.0.113.9", userAgent: "test" } });
  await recordAudit(t.db, { actor, action: "account.email", target: { type: "user", id: actor.id }, from: "old@example.com", to: "new@example.com" });
  return t.db.auditEntry.findMany({ where: { actorId: actor.id }, orderBy: { createdAt: "asc" } });
}

describe("the audit log refuses changes", () => {
  it("refuses UPDATE through Prisma and as SQL, one row or many", async () => {
    const entries = await twoEntries();
    const [first] = entries;
    await refused(t.db.auditEntry.update({ where: { id: first.id }, data: { comment: "rewritten" } }));
    await refused(t.db.auditEntry.updateMany({ where: { id: { in: entries.map((e) => e.id) } }, data: { actorHandle: "someone-else" } }));
    await refused(t.db.$executeRaw`UPDATE "AuditEntry" SET "outcome" = 'refused' WHERE id = ${first.id}`);
    await refused(t.db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "createdAt" = now() - interval '1 year'`));
    expect(await t.db.auditEntry.findMany({ where: { id: { in: entries.map((e) => e.id) } }, orderBy: { createdAt: "asc" } })).toEqual(entries);
  });

  it("refuses DELETE through Prisma and as SQL", async () => {
    const entries = await twoEntries();
    await refused(t.db.auditEntry.delete({ where: { id: entries[0].id } }));
    await refused(t.db.auditEntry.deleteMany({ where: { id: { in: entries.map((e) => e.id) } } }));
    await refused(t.db.$executeRaw`DELETE FROM "AuditEntry" WHERE id = ${entries[1].id}`);
    await refused(t.db.$executeRawUnsafe(`DELETE FROM "AuditEntry"`));
    expect(await t.db.auditEntry.count({ where: { id: { in: entries.map((e) => e.id) } } })).toBe(2);
  });

  it("refuses TRUNCATE, alone and with CASCADE", async () => {
    await twoEntries();
    const before = await t.db.auditEntry.count();
    expect(before).toBeGreaterThan(0);
    await refused(t.db.$executeRawUnsafe(`TRUNCATE "AuditEntry"`));
    await refused(t.db.$executeRawUnsafe(`TRUNCATE TABLE "AuditEntry" CASCADE`));
    expect(await t.db.auditEntry.count()).toBe(before);
  });

  it("refuses changes inside a transaction, which then rolls back whole", async () => {
    const entries = await twoEntries();
    const { actor } = await makeUser(t.db);
    await refused(
      t.db.$transaction(async (tx) => {
        await recordAudit(tx, { actor, action: "account.email", target: { type: "user", id: actor.id }, to: "x@example.com" });
        await tx.auditEntry.delete({ where: { id: entries[0].id } });
      }),
    );
    // Neither the delete nor the entry written before it in the same transaction.
    expect(await t.db.auditEntry.count({ where: { actorId: actor.id } })).toBe(0);
    expect(await t.db.auditEntry.count({ where: { id: entries[0].id } })).toBe(1);
  });

  it("still takes new entries", async () => {
    const { actor } = await makeUser(t.db);
    await recordAudit(t.db, { actor, action: "provider.add", target: { type: "modelProvider", id: "p1" }, to: "mine" });
    expect(await t.db.auditEntry.findFirst({ where: { actorId: actor.id } })).toMatchObject({ action: "provider.add", outcome: "allowed", toValue: "mine", actorHandle: actor.handle });
  });
});
