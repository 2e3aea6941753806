// Organisations for integration tests, set up with rows directly (Organization, Membership) so a
// test of versions or the role matrix does not depend on the org router: a prompt created by a
// member and then moved into the organisation.
import type { Db } from "@/server/db/prisma";
import type { OrgRole } from "@/shared/governance/org-roles";
import type { Visibility } from "@/shared/prompts/visibility";
import { makeUser } from "./callers";

let orgCounter = 0;

export async function makeOrg(db: Db) {
  const slug = `org-${process.pid}-${++orgCounter}`;
  return db.organization.create({ data: { slug, name: `Org ${orgCounter}` } });
}

export type Member = Awaited<ReturnType<typeof makeUser>>;

/** A new user with the role in the organisation. */
export async function makeMember(db: Db, orgId: string, role: OrgRole): Promise<Member> {
  const member = await makeUser(db);
  await db.membership.create({ data: { orgId, userId: member.user.id, role } });
  return member;
}

/** An organisation with one member of each role (two owners, for dual approval). */
export async function makeOrgWithMembers(db: Db) {
  const org = await makeOrg(db);
  const [admin, owner, owner2, contributor, consumer, outsider] = await Promise.all([
    makeMember(db, org.id, "admin"),
    makeMember(db, org.id, "owner"),
    makeMember(db, org.id, "owner"),
    makeMember(db, org.id, "contributor"),
    makeMember(db, org.id, "consumer"),
    makeUser(db),
  ]);
  return { org, admin, owner, owner2, contributor, consumer, outsider };
}

/** A prompt owned by the organisation (created by `creator`, then moved in), version 1 approved. */
export async function makeOrgPrompt(db: Db, orgId: string, creator: Member, opts: { visibility?: Visibility; global?: boolean; body?: string; title?: string } = {}) {
  const created = await creator.caller.prompt.create({ title: opts.title ?? "Org prompt", category: "writing", body: opts.body ?? "Write about {{topic}}.", visibility: "public" });
  await db.prompt.update({ where: { id: created.id }, data: { orgId, global: opts.global ?? false, visibility: opts.visibility ?? "public" } });
  return created;
}
