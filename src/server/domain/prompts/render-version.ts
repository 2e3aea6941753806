import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { ValidationError } from "../errors";
import { findReadableVersionWithBody } from "../access/prompt-access";
import { renderTemplate, type PromptVariable } from "@/shared/prompts/variables";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";
import { findUnstorableText } from "@/shared/text/storable-text";

/**
 * Fills a version's slots. Missing values are an error naming them; extra values are reported.
 * Paid content renders only for those who may read its body (FORBIDDEN otherwise). A successful
 * render is a usage event.
 */
export async function renderVersion(db: DbOrTx, viewer: Viewer, input: { versionId: string; variables: Record<string, string> }, usage?: UsageOrigin) {
  const version = await findReadableVersionWithBody(db, viewer, input.versionId);
  const result = renderOrRefuse(version.body, input.variables, version.variables as PromptVariable[]);
  recordUsage(db, { kind: "render", promptId: version.promptId, versionId: version.id, ownerId: version.prompt.ownerId, ...originFields(usage, viewer?.id) });
  return {
    versionId: version.id,
    number: version.number,
    text: result.text,
    defaultsUsed: result.defaultsUsed,
    unknownVariables: result.unknownVariables,
  };
}

/**
 * Fills a body's slots (a version's, or a rewrite tried against it with the version's declared
 * defaults); missing values are a 400 naming each one. Shared by render and the test harness.
 */
export function renderOrRefuse(body: string, values: Record<string, string>, declared?: PromptVariable[]) {
  // The tRPC layer refuses such input for its callers; the runtime endpoint and MCP reach here directly.
  const unstorable = findUnstorableText(values);
  if (unstorable) {
    const field = ["variables", ...unstorable.path].join(".");
    throw new ValidationError(`${field}: ${unstorable.message}`, { [field]: [unstorable.message] });
  }
  const result = renderTemplate(body, values, declared);
  if (result.missingVariables.length) {
    const names = result.missingVariables;
    throw new ValidationError(
      `Missing value${names.length > 1 ? "s" : ""} for ${names.map((n) => `{{${n}}}`).join(", ")}`,
      Object.fromEntries(names.map((n) => [`variables.${n}`, ["is required"]])),
    );
  }
  return result;
}
