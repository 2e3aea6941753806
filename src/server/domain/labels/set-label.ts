// Setting, splitting and removing a prompt's labels by hand: its owner, or for an organisation's
// prompt the roles the matrix lets move labels (label.move). Labels name approved, undeprecated
// versions of the same prompt; `latest` is moved only by publishing; `production` may be moved
// (and split) here as well as by Promote. Every change is a PromptLabelMove (versions/move-label.ts).
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertPromptAction, findReadablePrompt, findReadableVersion } from "../access/prompt-access";
import type { RequestMeta } from "../audit/record-audit";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { moveLabel, removeLabel as removeLabelRow } from "../versions/move-label";
import { PRODUCTION_LABEL } from "@/shared/prompts/label-names";
import type { SetLabelInput } from "./schemas";

async function labelableVersion(db: Db, actor: Actor, promptId: string, versionId: string, field: "versionId" | "splitVersionId") {
  const version = await findReadableVersion(db, actor, versionId).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new ValidationError(`${field}: no such version of this prompt`, { [field]: ["is not a version of this prompt"] });
    throw error;
  });
  if (version.promptId !== promptId) throw new ValidationError(`${field}: no such version of this prompt`, { [field]: ["is not a version of this prompt"] });
  if (version.status !== "approved") throw new ConflictError(`${field}: v${version.number} is ${version.status.replace("_", " ")}; only approved versions get labels.`, { [field]: ["must be an approved version"] });
  if (version.deprecatedAt) throw new ConflictError(`${field}: v${version.number} is deprecated; label its replacement instead.`, { [field]: ["must not be deprecated"] });
  return version;
}

export async function setLabel(db: Db, actor: Actor, input: SetLabelInput, request: RequestMeta | null = null) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  await assertPromptAction(db, actor, prompt, "label.move", { request, target: { type: "prompt", id: prompt.id } });
  const version = await labelableVersion(db, actor, prompt.id, input.versionId, "versionId");
  const splitVersion = input.splitVersionId ? await labelableVersion(db, actor, prompt.id, input.splitVersionId, "splitVersionId") : null;
  const split = splitVersion ? { id: splitVersion.id, number: splitVersion.number, percent: input.splitPercent ?? 0 } : null;
  const from = await db.$transaction((tx) => moveLabel(tx, actor, { prompt, name: input.name, version, split, request }));
  return {
    name: input.name,
    fromNumber: from,
    version: { id: version.id, number: version.number },
    split: split ? { versionId: split.id, number: split.number, percent: split.percent } : null,
  };
}

export async function removeLabel(db: Db, actor: Actor, input: { promptId: string; name: string }, request: RequestMeta | null = null) {
  if (input.name === PRODUCTION_LABEL) throw new ValidationError(`name: "${PRODUCTION_LABEL}" cannot be removed; move it to another version instead`, { name: [`"${PRODUCTION_LABEL}" cannot be removed`] });
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  await assertPromptAction(db, actor, prompt, "label.move", { request, target: { type: "prompt", id: prompt.id } });
  const from = await db.$transaction((tx) => removeLabelRow(tx, actor, { prompt, name: input.name, request }));
  if (from === null) throw new NotFoundError(`Label "${input.name}"`);
  return { name: input.name, fromNumber: from };
}
