// audit.list / audit.export / audit.scope through the tRPC caller: who may read which entries (site
// admins everything; an organisation's admins and owners theirs; contributors and consumers
// FORBIDDEN; non-members NOT_FOUND), the filters, paging and the CSV.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { exportAuditCsv } from "@/server/domain/audit-log/audit-csv";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { createUser } from "@/server/domain/users/create-user";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import type { OrgRole } from "@/shared/governance/org-roles";

const t = setUpTestDatabase();

type Person = Awaited<ReturnType<typeof makeUser>>;
let siteAdmin: Person, orgAdmin: Person, owner: Person, contributor: Person, consumer: Person, outsider: Person, otherOwner: Person;
let acme: { id: string; slug: string }, globex: { id: string; slug: string };
const T = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute));

/** An entry written at a given time (insertions are what the log allows). */
async function entry(data: Partial<Prisma.AuditEntryCreateInput> & { action: string; createdAt: Date }) {
  return t.db.auditEntry.create({ data: { targetType: "organization", outcome: "allowed", ...data } });
}

async function member(orgId: string, person: Person, role: OrgRole) {
  await t.db.membership.create({ data: { orgId, userId: person.user.id, role } });
}

beforeAll(async () => {
  [siteAdmin, orgAdmin, owner, contributor, consumer, outsider, otherOwner] = await Promise.all([
    makeUser(t.db, { handle: "audit-site-admin", role: "admin" }),
    makeUser(t.db, { handle: "audit-org-admin" }),
    makeUser(t.db, { handle: "audit-owner" }),
    makeUser(t.db, { handle: "audit-contributor" }),
    makeUser(t.db, { handle: "audit-consumer" }),
    makeUser(t.db, { handle: "audit-outsider" }),
    makeUser(t.db, { handle: "audit-other-owner" }),
  ]);
  acme = await t.db.organization.create({ data: { slug: "acme-audit", name: "Acme" }, select: { id: true, slug: true } });
  globex = await t.db.organization.create({ data: { slug: "globex-audit", name: "Globex" }, select: { id: true, slug: true } });
  await member(acme.id, orgAdmin, "admin");
  await member(acme.id, owner, "owner");
  await member(acme.id, contributor, "contributor");
  await member(acme.id, consumer, "consumer");
  await member(globex.id, otherOwner, "owner");

  const actor = (p: Person) => ({ actorId: p.user.id, actorHandle: p.user.handle });
  await entry({ action: "org.create", createdAt: T(0), orgId: acme.id, targetId: acme.id, ...actor(orgAdmin), toValue: "acme-audit", ip: "198.51.100.1", userAgent: "Browser/1" });
  await entry({ action: "member.setRole", createdAt: T(1), orgId: acme.id, targetType: "user", targetId: contributor.user.id, ...actor(orgAdmin), fromValue: "consumer", toValue: "contributor" });
  await entry({ action: "version.approve", createdAt: T(2), orgId: acme.id, targetType: "version", targetId: "v-missing", ...actor(contributor), outcome: "refused", comment: "role contributor may not version.approve" });
  await entry({ action: "version.reject", createdAt: T(3), orgId: acme.id, targetType: "version", targetId: "v-missing", ...actor(owner), comment: '=HYPERLINK("http://evil.example","click")' });
  await entry({ action: "org.create", createdAt: T(4), orgId: globex.id, targetId: globex.id, ...actor(otherOwner) });
  await entry({ action: "account.password", createdAt: T(5), targetType: "user", targetId: outsider.user.id, ...actor(outsider), fromValue: "a password", toValue: "a new password" });
  // Written under a handle the owner no longer has.
  await entry({ action: "label.move", createdAt: T(6), orgId: acme.id, targetType: "version", targetId: "v-missing", actorId: owner.user.id, actorHandle: "audit-owner-old-handle", fromValue: "v1", toValue: "v2" });
  await entry({ action: "signin.locked", createdAt: T(7), targetType: "ip", targetId: "203.0.113.5", ip: "203.0.113.5" });
});

const actions = (page: { items: { action: string }[] }) => page.items.map((e) => e.action);

describe("who reads what", () => {
  it("shows a site admin every entry, newest first, with the organisation named", async () => {
    const page = await siteAdmin.caller.audit.list({});
    expect(actions(page)).toEqual(["signin.locked", "label.move", "account.password", "org.create", "version.reject", "version.approve", "member.setRole", "org.create"]);
    expect(page.items[3]).toMatchObject({ org: { slug: "globex-audit", name: "Globex" }, actor: { handle: "audit-other-owner" }, actionLabel: "Created the organisation" });
    expect(page.items[0]).toMatchObject({ actor: null, target: { type: "ip", id: "203.0.113.5" } });
    // People and organisations as targets are named (and linked) by handle and name.
    expect(page.items[6].target).toEqual({ type: "user", id: contributor.user.id, label: "@audit-contributor", href: "/u/audit-contributor" });
    expect(page.items[7].target).toEqual({ type: "organization", id: acme.id, label: "Acme", href: "/o/acme-audit" });
    // A site admin needs no membership to read one organisation's entries.
    expect(actions(await siteAdmin.caller.audit.list({ orgSlug: globex.slug }))).toEqual(["org.create"]);
  });

  it("shows an organisation's admins and owners its entries, and only its", async () => {
    for (const reader of [orgAdmin, owner]) {
      const page = await reader.caller.audit.list({ orgId: acme.id });
      expect(actions(page)).toEqual(["label.move", "version.reject", "version.approve", "member.setRole", "org.create"]);
      expect(page.org).toMatchObject({ slug: "acme-audit" });
      // Without an organisation: every organisation whose log they may read (here Acme's), never others' or personal entries.
      expect(actions(await reader.caller.audit.list({}))).toEqual(actions(page));
      expect(actions(await reader.caller.audit.list({ orgSlug: acme.slug }))).toEqual(actions(page));
    }
    const first = (await owner.caller.audit.list({ orgId: acme.id })).items.at(-1)!;
    expect(first).toMatchObject({ ip: "198.51.100.1", userAgent: "Browser/1", to: "acme-audit", actor: { id: orgAdmin.user.id, handle: "audit-org-admin" } });
  });

  it("refuses contributors and consumers (FORBIDDEN, naming the role), and answers NOT_FOUND to non-members", async () => {
    await rejects(contributor.caller.audit.list({ orgId: acme.id }), "FORBIDDEN", /Contributors may not read the audit log/);
    await rejects(consumer.caller.audit.list({ orgId: acme.id }), "FORBIDDEN", /Consumers may not read the audit log/);
    await rejects(consumer.caller.audit.export({ orgSlug: acme.slug }), "FORBIDDEN");
    await rejects(outsider.caller.audit.list({ orgId: acme.id }), "NOT_FOUND");
    await rejects(otherOwner.caller.audit.list({ orgId: acme.id }), "NOT_FOUND");
    await rejects(otherOwner.caller.audit.list({ orgSlug: acme.slug }), "NOT_FOUND");
    await rejects(owner.caller.audit.list({ orgSlug: "no-such-org" }), "NOT_FOUND");
    // No organisation whose log they may read: the whole log is not theirs.
    await rejects(outsider.caller.audit.list({}), "FORBIDDEN", /site admins/);
    await rejects(contributor.caller.audit.list({}), "FORBIDDEN");
    await rejects(outsider.caller.audit.export({}), "FORBIDDEN");
    await rejects(anonymous(t.db).audit.list({}), "UNAUTHORIZED");
    await rejects(anonymous(t.db).audit.export({}), "UNAUTHORIZED");
  });

  it("tells the page what the viewer may browse", async () => {
    expect(await owner.caller.audit.scope()).toEqual({ siteAdmin: false, mayRead: true, orgs: [{ id: acme.id, slug: "acme-audit", name: "Acme" }] });
    expect(await consumer.caller.audit.scope()).toEqual({ siteAdmin: false, mayRead: false, orgs: [] });
    const admin = await siteAdmin.caller.audit.scope();
    expect(admin).toMatchObject({ siteAdmin: true, mayRead: true });
    expect(admin.orgs.map((o) => o.slug)).toEqual(expect.arrayContaining(["acme-audit", "globex-audit"]));
  });
});

describe("filters and paging", () => {
  it("filters by actor handle (today's or the one written down), action, outcome and period", async () => {
    expect(actions(await siteAdmin.caller.audit.list({ actor: "audit-owner" }))).toEqual(["label.move", "version.reject"]);
    expect(actions(await siteAdmin.caller.audit.list({ actor: "@audit-owner-old-handle" }))).toEqual(["label.move"]);
    expect(actions(await siteAdmin.caller.audit.list({ actor: "nobody-by-that-name" }))).toEqual([]);
    expect(actions(await siteAdmin.caller.audit.list({ action: "org.create" }))).toEqual(["org.create", "org.create"]);
    expect(actions(await owner.caller.audit.list({ outcome: "refused" }))).toEqual(["version.approve"]);
    // `to` is inclusive.
    expect(actions(await siteAdmin.caller.audit.list({ from: T(2), to: T(4) }))).toEqual(["org.create", "version.reject", "version.approve"]);
    expect(actions(await owner.caller.audit.list({ orgId: acme.id, from: T(3) }))).toEqual(["label.move", "version.reject"]);
    // Dates as text, as a page or a script sends them.
    expect(actions(await siteAdmin.caller.audit.list({ from: "2026-11-20T12:06:00Z" as unknown as Date }))).toEqual(["signin.locked", "label.move"]);
  });

  it("pages newest first with a cursor, every entry once", async () => {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await siteAdmin.caller.audit.list({ limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    const all = await siteAdmin.caller.audit.list({ limit: 100 });
    expect(pages).toBe(Math.ceil(all.items.length / 3));
    expect(seen).toEqual(all.items.map((e) => e.id));
  });

  it("refuses bad input naming the field", async () => {
    await rejects(siteAdmin.caller.audit.list({ action: "org.explode" as never }), "BAD_REQUEST", /action/);
    await rejects(siteAdmin.caller.audit.list({ outcome: "maybe" as never }), "BAD_REQUEST", /outcome/);
    await rejects(siteAdmin.caller.audit.list({ from: T(5), to: T(1) }), "BAD_REQUEST", /from[\s\S]*must not be after to/);
    await rejects(siteAdmin.caller.audit.list({ from: "yesterday-ish" as unknown as Date }), "BAD_REQUEST", /from/);
    await rejects(siteAdmin.caller.audit.list({ limit: 0 }), "BAD_REQUEST", /limit/);
    await rejects(siteAdmin.caller.audit.list({ limit: 1000 }), "BAD_REQUEST", /limit/);
    await rejects(siteAdmin.caller.audit.list({ orgId: acme.id, orgSlug: acme.slug }), "BAD_REQUEST", /orgSlug/);
    await rejects(siteAdmin.caller.audit.list({ actor: "" }), "BAD_REQUEST", /actor/);
    await rejects(siteAdmin.caller.audit.export({ format: "xlsx" as never }), "BAD_REQUEST", /format/);
  });
});

describe("targets", () => {
  it("links a prompt target the viewer may read, and names no prompt they may not", async () => {
    const author = await makeUser(t.db);
    const open = await author.caller.prompt.create({ title: "Open audited prompt", category: "writing", body: "Say {{x}}." });
    const hidden = await author.caller.prompt.create({ title: "Hidden audited prompt", category: "writing", body: "Say {{x}}.", visibility: "private" });
    await recordAudit(t.db, { actor: author.actor, action: "prompt.transfer", orgId: acme.id, target: { type: "prompt", id: open.id } });
    await recordAudit(t.db, { actor: author.actor, action: "prompt.transfer", orgId: acme.id, target: { type: "prompt", id: hidden.id } });
    const [hiddenEntry, openEntry] = (await owner.caller.audit.list({ orgId: acme.id, action: "prompt.transfer" })).items;
    expect(openEntry.target).toEqual({ type: "prompt", id: open.id, label: "Open audited prompt", href: `/p/${open.slug}` });
    expect(hiddenEntry.target).toEqual({ type: "prompt", id: hidden.id, label: null, href: null });
    // The site admin reads every prompt.
    expect((await siteAdmin.caller.audit.list({ action: "prompt.transfer" })).items[0].target.label).toBe("Hidden audited prompt");
  });
});

describe("CSV export", () => {
  const parse = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;

  it("exports what the list shows, same filters and order, with formulas escaped", async () => {
    const csv = await owner.caller.audit.export({ orgId: acme.id, from: T(0), to: T(6) });
    const [header, ...rows] = parse(csv);
    expect(header).toEqual(["id", "created_at", "actor_handle", "actor_id", "org_slug", "org_id", "action", "action_label", "outcome", "target_type", "target_id", "target", "from", "to", "comment", "ip", "user_agent", "details"]);
    const listed = await owner.caller.audit.list({ orgId: acme.id, from: T(0), to: T(6) });
    expect(rows.map((r) => r[0])).toEqual(listed.items.map((e) => e.id));
    const col = (name: string) => header.indexOf(name);
    const reject = rows.find((r) => r[col("action")] === "version.reject")!;
    expect(reject[col("comment")]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(reject[col("created_at")]).toBe(T(3).toISOString());
    const created = rows.find((r) => r[col("action")] === "org.create")!;
    expect(created).toEqual(expect.arrayContaining(["audit-org-admin", "acme-audit", "Created the organisation", "allowed", "198.51.100.1", "Browser/1"]));
    expect(rows.find((r) => r[col("action")] === "version.approve")![col("outcome")]).toBe("refused");
    // Only Acme's: Globex's entry and personal ones are not in the owner's file.
    expect(rows.every((r) => r[col("org_slug")] === "acme-audit")).toBe(true);
    expect(parse(await siteAdmin.caller.audit.export({ action: "signin.locked" })).slice(1).map((r) => r[col("target_id")])).toEqual(["203.0.113.5"]);
  });

  it("refuses an export past its size limit, naming the period", async () => {
    await expect(exportAuditCsv(t.db, siteAdmin.actor, { format: "csv" }, null, 3)).rejects.toMatchObject({ status: 400, fieldErrors: { from: [expect.stringMatching(/narrow the period/)] } });
    expect(parse(await exportAuditCsv(t.db, siteAdmin.actor, { format: "csv", action: "org.create" }, null, 3))).toHaveLength(3);
  });
});

describe("date-only filters", () => {
  it("a bare date as `to` includes that whole day (UTC), in the list and the CSV", async () => {
    const day = "2026-11-20" as unknown as Date;
    expect(actions(await siteAdmin.caller.audit.list({ from: day, to: day }))).toHaveLength(8);
    expect(actions(await siteAdmin.caller.audit.list({ to: day }))).toHaveLength(8);
    const csv = Papa.parse<string[]>(await siteAdmin.caller.audit.export({ from: day, to: day }), { skipEmptyLines: true }).data;
    expect(csv).toHaveLength(1 + 8);
    // The day before has none; a time of day is still taken as it is.
    expect(actions(await siteAdmin.caller.audit.list({ from: "2026-11-19" as unknown as Date, to: "2026-11-19" as unknown as Date }))).toEqual([]);
    expect(actions(await siteAdmin.caller.audit.list({ to: "2026-11-20T12:01:00Z" as unknown as Date }))).toEqual(["member.setRole", "org.create"]);
  });
});

describe("site roles", () => {
  it("a site admin made from the command line is audited, with no actor and the CLI as its source", async () => {
    const made = await createUser(t.db, { email: "cli-admin@example.com", handle: "cli-admin", name: "", password: "correct horse battery", role: "admin" }, { source: "cli" });
    const [grant] = await t.db.auditEntry.findMany({ where: { action: "user.role", targetId: made.id } });
    expect(grant).toMatchObject({ actorId: null, outcome: "allowed", targetType: "user", toValue: "site admin", details: { source: "cli", role: "admin", handle: "cli-admin" } });
    expect(grant.comment).toMatch(/command line/);
    expect((await siteAdmin.caller.audit.list({ action: "user.role" })).items.map((e) => e.target.id)).toEqual([made.id]);
    // An ordinary account is no grant.
    const plain = await createUser(t.db, { email: "cli-user@example.com", handle: "cli-user", name: "", password: "correct horse battery", role: "user" }, { source: "cli" });
    expect(await t.db.auditEntry.count({ where: { targetId: plain.id } })).toBe(0);
  });
});
