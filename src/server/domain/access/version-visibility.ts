// Which versions of a prompt a viewer may see. Approved versions are for everyone who may read the
// prompt; versions that are not (in review, rejected) only for those the role matrix lets read
// them ("version.readUnapproved": an organisation's contributors and up), the owner of a personal
// prompt and site admins. Everyone else meets an unapproved version as NOT_FOUND, on every path
// (page, API, render, fork, diff, harness), so its content never leaks.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { roleAllows } from "@/shared/governance/role-matrix";
import { isAdmin, type Viewer } from "../actor";
import { NotFoundError } from "../errors";
import { orgRoleOf } from "../governance/org-authorization";

type PromptOwnership = { ownerId: string; orgId: string | null };

export async function canSeeUnapprovedVersions(db: DbOrTx, viewer: Viewer, prompt: PromptOwnership): Promise<boolean> {
  if (!viewer) return false;
  if (isAdmin(viewer)) return true;
  if (!prompt.orgId) return prompt.ownerId === viewer.id;
  return roleAllows(await orgRoleOf(db, prompt.orgId, viewer), "version.readUnapproved");
}

/** The filter on a prompt's versions for this viewer: everything, or approved ones only. */
export async function visibleVersionsWhere(db: DbOrTx, viewer: Viewer, prompt: PromptOwnership): Promise<Prisma.PromptVersionWhereInput> {
  return (await canSeeUnapprovedVersions(db, viewer, prompt)) ? {} : { status: "approved" };
}

/** NOT_FOUND (as for a version that does not exist) when the viewer may not see this one. */
export async function assertVersionVisible(db: DbOrTx, viewer: Viewer, version: { status: string; prompt: PromptOwnership }) {
  if (version.status === "approved") return;
  if (!(await canSeeUnapprovedVersions(db, viewer, version.prompt))) throw new NotFoundError("Version");
}
