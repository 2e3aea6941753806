// The role matrix, tested from its data: for every action in ORG_ACTIONS an entry below says how to
// perform it (through the tRPC caller, as a member whose Membership row is written directly), and
// every role is expected to be allowed or refused exactly as the matrix says; a refused attempt at
// an audited action leaves a "refused" audit entry. An action added to the matrix without an entry
// here fails (the type of HOW, and the first test, which names it).
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/shared/governance/audit-actions";
import { ORG_ROLES, type OrgRole } from "@/shared/governance/org-roles";
import { ORG_ACTION_NAMES, roleAllows, type OrgAction } from "@/shared/governance/role-matrix";
import { assertPromptAction } from "@/server/domain/access/prompt-access";
import { makeUser } from "@/test/callers";
import { makeMember, makeOrg, makeOrgPrompt, type Member } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

/** What one attempt gets: the acting member, the organisation, and helpers that set targets up. */
type Env = {
  actor: Member;
  orgId: string;
  /** An admin who is not the actor: writes fixtures (prompts, published versions). */
  setup: Member;
  /** A contributor who is not the actor: writes proposals for others to review. */
  proposer: Member;
};

const newPrompt = (env: Env, opts: { visibility?: "public" | "members" } = {}) => makeOrgPrompt(t.db, env.orgId, env.setup, { visibility: opts.visibility ?? "members" });
const newProposal = async (env: Env) => {
  const p = await newPrompt(env);
  return env.proposer.caller.version.propose({ promptId: p.id, body: "Proposed {{topic}}" });
};
const newConsumer = async (env: Env) => makeMember(t.db, env.orgId, "consumer");

/** How to perform each action. Record<OrgAction, …>: a missing action does not type-check. */
const HOW: Record<OrgAction, (env: Env) => Promise<unknown>> = {
  "prompt.read": async (env) => env.actor.caller.prompt.bySlug({ slug: (await newPrompt(env)).slug }),
  "prompt.use": async (env) => env.actor.caller.prompt.render({ versionId: (await newPrompt(env)).version.id, variables: { topic: "x" } }),
  "version.readUnapproved": async (env) => env.actor.caller.version.byId({ versionId: (await newProposal(env)).id }),
  "prompt.create": (env) => env.actor.caller.prompt.create({ title: "Made in the org", category: "writing", body: "Org {{x}}", orgId: env.orgId, visibility: "members" }),
  "prompt.update": async (env) => env.actor.caller.prompt.update({ promptId: (await newPrompt(env)).id, title: "Renamed in the org" }),
  "prompt.delete": async (env) => env.actor.caller.prompt.delete({ promptId: (await newPrompt(env)).id }),
  "version.propose": async (env) => env.actor.caller.version.propose({ promptId: (await newPrompt(env)).id, body: "Mine {{topic}}" }),
  "version.publish": async (env) => env.actor.caller.version.create({ promptId: (await newPrompt(env)).id, body: "Published {{topic}}" }),
  "version.approve": async (env) => env.actor.caller.version.approve({ versionId: (await newProposal(env)).id }),
  "version.reject": async (env) => env.actor.caller.version.reject({ versionId: (await newProposal(env)).id, comment: "Not this one" }),
  "version.deprecate": async (env) => {
    const p = await newPrompt(env);
    const v2 = await env.setup.caller.version.create({ promptId: p.id, body: "Replacement {{topic}}" });
    return env.actor.caller.version.deprecate({ versionId: p.version.id, replacedByVersionId: v2.id });
  },
  "label.move": async (env) => env.actor.caller.version.promote({ versionId: (await newPrompt(env)).version.id }),
  "review.queue": (env) => env.actor.caller.review.queue({ orgId: env.orgId }),
  "member.list": (env) => env.actor.caller.org.members({ orgId: env.orgId }),
  "member.invite": async (env) => env.actor.caller.org.invite({ orgId: env.orgId, handle: (await makeUser(t.db)).user.handle, role: "consumer" }),
  "member.setRole": async (env) => env.actor.caller.org.setRole({ orgId: env.orgId, handle: (await newConsumer(env)).user.handle, role: "contributor" }),
  "member.remove": async (env) => env.actor.caller.org.removeMember({ orgId: env.orgId, handle: (await newConsumer(env)).user.handle }),
  "org.update": (env) => env.actor.caller.org.update({ orgId: env.orgId, description: `Changed by a ${env.actor.user.handle}` }),
  "audit.read": (env) => env.actor.caller.audit.list({ orgId: env.orgId }),
  "analytics.read": (env) => env.actor.caller.analytics.org({ orgId: env.orgId }),
  "webhook.manage": (env) => env.actor.caller.webhook.list({ orgId: env.orgId }),
  "collection.manage": async (env) => {
    const c = await env.setup.caller.collection.create({ title: "Org shelf", visibility: "members", orgId: env.orgId });
    return env.actor.caller.collection.addPrompt({ collectionId: c.id, promptId: (await newPrompt(env)).id });
  },
  // Not a tRPC procedure: the capture proxy asks the same check (assertPromptAction) when it
  // attributes a member's captured call to one of the organisation's members-only prompts.
  "capture.attribute": async (env) => {
    const p = await t.db.prompt.findUniqueOrThrow({ where: { id: (await newPrompt(env)).id } });
    return assertPromptAction(t.db, env.actor.actor, p, "capture.attribute");
  },
};

describe("the role matrix", () => {
  it("has a way to perform every action it names", () => {
    const missing = ORG_ACTION_NAMES.filter((action) => typeof HOW[action] !== "function");
    expect(missing, `no entry in role-matrix.int.test.ts for: ${missing.join(", ")}`).toEqual([]);
  });

  for (const role of ORG_ROLES) {
    it(`${role}: every action allowed or refused as ORG_ACTIONS says`, async () => {
      const org = await makeOrg(t.db);
      const [actor, setup, proposer] = await Promise.all([makeMember(t.db, org.id, role), makeMember(t.db, org.id, "admin"), makeMember(t.db, org.id, "contributor")]);
      const env: Env = { actor, orgId: org.id, setup, proposer };
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const action of ORG_ACTION_NAMES) {
        const allowed = roleAllows(role, action);
        expected.push(`${action}: ${allowed ? "allowed" : "refused"}`);
        const refusedBefore = await t.db.auditEntry.count({ where: { actorId: actor.user.id, action, outcome: "refused" } });
        const result = await HOW[action](env).then(
          () => "allowed",
          (error: unknown) => {
            if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) return "refused";
            if (error instanceof Error && (error.name === "ForbiddenError" || error.name === "NotFoundError")) return "refused";
            return `failed (${error instanceof TRPCError ? error.code : ""} ${error instanceof Error ? error.message : String(error)})`;
          },
        );
        // A refused attempt at an audited action is on the record.
        const refusedAfter = await t.db.auditEntry.count({ where: { actorId: actor.user.id, action, outcome: "refused" } });
        const audited = result === "refused" && action in AUDIT_ACTIONS ? (refusedAfter > refusedBefore ? "" : " (no refused audit entry)") : "";
        outcomes.push(`${action}: ${result}${audited}`);
      }
      expect(outcomes).toEqual(expected);
    });
  }
});

// Roles are typed once: a role added to ORG_ROLES gets its own run above.
const _roles: readonly OrgRole[] = ORG_ROLES;
void _roles;
