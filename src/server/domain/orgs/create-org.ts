// A new organisation, with its creator as its first admin.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError } from "../errors";
import type { CreateOrgInput } from "./schemas";

export const SLUG_TAKEN = "slug: is already taken by another organisation";

export async function createOrg(db: Db, actor: Actor, input: CreateOrgInput, request?: RequestMeta | null): Promise<{ id: string; slug: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { name: input.name, slug: input.slug, members: { create: { userId: actor.id, role: "admin" } } } });
      await recordAudit(tx, { actor, action: "org.create", orgId: org.id, target: { type: "organization", id: org.id }, to: org.slug, details: { name: org.name }, request });
      return { id: org.id, slug: org.slug };
    });
  } catch (error) {
    // The unique index decides between two creations of one slug at once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(SLUG_TAKEN, { slug: ["is already taken"] });
    throw error;
  }
}
