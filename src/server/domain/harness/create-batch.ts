// harness.batch: every row of variable values × every chosen model, checked in full before anything
// is stored (a version the actor can read, rows by row and column, the same rendering as
// prompt.render, the models, the row limit), then stored in one transaction (batch, rows, one
// pending cell per row × model) and handed to the background job. Nothing is half-stored: a
// failure stores nothing, and a batch whose event is lost is resumed at the next start.
import "server-only";
import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import { sendEvent } from "@/server/jobs/send-event";
import { checkRows, formatRowError, parseRows, rowErrorField, type BatchRow, type RowError } from "@/shared/harness/parse-rows";
import type { Assertion } from "@/shared/harness/assertions";
import type { ModelChoice } from "@/shared/harness/run-fields";
import { renderTemplate, type PromptVariable } from "@/shared/prompts/variables";
import type { Actor } from "../actor";
import { assertPromptAction, findReadableVersionWithBody } from "../access/prompt-access";
import { ValidationError, type FieldErrors } from "../errors";
import { validateAssertions } from "./check-assertions";
import { resolveModel } from "./resolve-model";

export type CreateBatchInput = {
  versionId: string;
  rows?: Record<string, unknown>[];
  file?: { format: "csv" | "jsonl"; text: string };
  models: ModelChoice[];
  assertions?: Assertion[];
};

/** Rows and cells are inserted in slices of this many (bind-parameter limits). */
const INSERT_SLICE = 2000;

function refuse(errors: RowError[]): never {
  const fieldErrors: FieldErrors = {};
  for (const e of errors) (fieldErrors[rowErrorField(e)] ??= []).push(formatRowError(e));
  const shown = errors.slice(0, 3).map(formatRowError).join("; ");
  throw new ValidationError(`rows: ${shown}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ""}`, fieldErrors);
}

export async function createBatch(db: Db, actor: Actor, input: CreateBatchInput): Promise<{ batchId: string }> {
  const maxRows = env.HARNESS_BATCH_MAX_ROWS;
  // The cheap refusal first: an oversized upload is not parsed or rendered.
  if (input.rows && input.rows.length > maxRows) refuse([{ row: 0, message: `there are ${input.rows.length} rows; a batch may have at most ${maxRows}` }]);

  const version = await findReadableVersionWithBody(db, actor, input.versionId);
  // An organisation's prompt runs for the roles the matrix lets use it (readers of a public one may too).
  await assertPromptAction(db, actor, version.prompt, "prompt.use");
  const variables = (version.variables ?? []) as PromptVariable[];
  const checked = input.file
    ? parseRows(input.file.text, variables, { format: input.file.format, maxRows })
    : checkRows((input.rows ?? []).map((values, i) => ({ row: i + 1, values })), variables, { maxRows });
  if (checked.errors.length) refuse(checked.errors);

  // The same rendering as prompt.render (renderVersion): a row missing a value is refused by row.
  const rendered = checked.rows.map((values: BatchRow, i) => {
    const result = renderTemplate(version.body, values, variables);
    return { index: i, values, text: result.text, missing: result.missingVariables };
  });
  const missing: RowError[] = rendered.flatMap((r) => r.missing.map((name) => ({ row: r.index + 1, column: name, message: `has no value for {{${name}}}, which has no default` })));
  if (missing.length) refuse(missing);

  for (const [i, m] of input.models.entries()) await resolveModel(db, actor.id, m, { provider: `models.${i}.provider`, model: `models.${i}.model` });
  await validateAssertions(db, actor.id, input.assertions ?? []);
  const models = input.models;
  const storedModels = models.map(({ provider, model, params }) => ({ provider, model, ...(params ? { params } : {}) }));

  const batch = await db.$transaction(
    async (tx) => {
      const created = await tx.harnessBatch.create({
        data: {
          versionId: version.id,
          promptId: version.promptId,
          ownerId: actor.id,
          models: storedModels as Prisma.InputJsonValue,
          assertions: (input.assertions ?? []) as unknown as Prisma.InputJsonValue,
          rowCount: rendered.length,
          cellCount: rendered.length * models.length,
        },
      });
      for (let i = 0; i < rendered.length; i += INSERT_SLICE) {
        const slice = rendered.slice(i, i + INSERT_SLICE);
        await tx.harnessBatchRow.createMany({ data: slice.map((r) => ({ batchId: created.id, index: r.index, variables: r.values, renderedText: r.text })) });
        await tx.harnessBatchCell.createMany({
          data: slice.flatMap((r) => models.map((m, position) => ({ batchId: created.id, rowIndex: r.index, position, provider: m.provider, model: m.model }))),
        });
      }
      return created;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  // After the commit: the job must find the rows. A lost event leaves the batch queued, and the
  // start-up resume (harness/batches.resume) picks it up.
  await sendEvent("harness/batch.requested", { batchId: batch.id }).catch((error: unknown) => console.error("[harness] batch event not sent:", error));
  return { batchId: batch.id };
}
