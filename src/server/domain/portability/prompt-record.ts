// One line of a Promptuary export (JSONL): a prompt with every version, its labels and its lineage,
// named by slug and version number (never ids), so the same line means the same prompt on any
// instance. Export writes the keys in this order; import validates a line with this schema.
import { z } from "zod";
import { LATEST_LABEL, labelNameSchema, SPLIT_PERCENT_MAX, SPLIT_PERCENT_MIN } from "@/shared/prompts/label-names";
import {
  bodySchema,
  categorySchema,
  changelogSchema,
  descriptionSchema,
  modelSettingsSchema,
  tagsSchema,
  titleSchema,
  variableMetadataSchema,
  visibilitySchema,
} from "@/shared/prompts/prompt-fields";

/** The format's version, written on every line: a later format can still read this one. */
export const RECORD_FORMAT = 1;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const recordSlugSchema = z.string().max(80, "is at most 80 characters").regex(SLUG, "is lowercase letters and digits joined by dashes");
const isoDate = z.iso.datetime({ offset: true, error: "is an ISO 8601 date-time" }).transform((s) => new Date(s));
const versionNumber = z.number().int().min(1, "is a version number (1 or more)");
/** Personal prompts only: "members" needs an organisation. */
export const personalVisibilitySchema = visibilitySchema.exclude(["members"], { error: "must be one of: public, unlisted, private" });

const versionRecord = z.object({
  number: versionNumber,
  body: bodySchema,
  variables: variableMetadataSchema.default([]),
  modelSettings: modelSettingsSchema.default({}),
  changelog: changelogSchema.default(""),
  status: z.enum(["draft", "in_review", "approved", "rejected"]).default("approved"),
  createdAt: isoDate,
  decidedAt: isoDate.nullable().default(null),
  deprecatedAt: isoDate.nullable().default(null),
  deprecationNote: z.string().max(2_000, "is at most 2000 characters").default(""),
  replacedBy: versionNumber.nullable().default(null),
});

const labelRecord = z.object({
  name: labelNameSchema,
  version: versionNumber,
  splitVersion: versionNumber.nullable().default(null),
  splitPercent: z.number().int().min(0, `is 0 to ${SPLIT_PERCENT_MAX}`).max(SPLIT_PERCENT_MAX, `is 0 to ${SPLIT_PERCENT_MAX}`).default(0),
});

export const promptRecordSchema = z
  .object({
    promptuary: z.literal(RECORD_FORMAT, { error: `must be ${RECORD_FORMAT} (the export format's version)` }),
    /** The exporting library's owner (handle); informative, the importer decides whose library it enters. */
    owner: z.string().max(64, "is at most 64 characters").optional(),
    slug: recordSlugSchema,
    title: titleSchema,
    description: descriptionSchema.default(""),
    category: categorySchema,
    tags: tagsSchema.default([]),
    visibility: personalVisibilitySchema,
    archivedAt: isoDate.nullable().default(null),
    createdAt: isoDate,
    forkedFrom: z.object({ slug: recordSlugSchema, version: versionNumber }).nullable().default(null),
    versions: z.array(versionRecord).min(1, "needs at least one version").max(1_000, "at most 1000 versions"),
    labels: z.array(labelRecord).max(50, "at most 50 labels").default([]),
  })
  .superRefine((r, ctx) => {
    r.versions.forEach((v, i) => {
      if (v.number !== i + 1) ctx.addIssue({ code: "custom", path: ["versions", i, "number"], message: `must be ${i + 1}: versions are numbered 1, 2, 3… in order` });
      if (v.replacedBy !== null && (v.replacedBy > r.versions.length || v.replacedBy === v.number)) ctx.addIssue({ code: "custom", path: ["versions", i, "replacedBy"], message: "names no other version of this prompt" });
    });
    const approved = new Set(r.versions.filter((v) => v.status === "approved").map((v) => v.number));
    const names = new Set<string>();
    r.labels.forEach((l, i) => {
      const at = (key: string) => ["labels", i, key];
      if (names.has(l.name)) ctx.addIssue({ code: "custom", path: at("name"), message: `"${l.name}" appears twice` });
      names.add(l.name);
      if (!approved.has(l.version)) ctx.addIssue({ code: "custom", path: at("version"), message: `names v${l.version}, which is not an approved version of this prompt` });
      if (l.splitVersion === null && l.splitPercent !== 0) ctx.addIssue({ code: "custom", path: at("splitPercent"), message: "is 0 without a splitVersion" });
      if (l.splitVersion !== null) {
        if (!approved.has(l.splitVersion) || l.splitVersion === l.version) ctx.addIssue({ code: "custom", path: at("splitVersion"), message: "names another approved version of this prompt" });
        if (l.splitPercent < SPLIT_PERCENT_MIN) ctx.addIssue({ code: "custom", path: at("splitPercent"), message: `is ${SPLIT_PERCENT_MIN} to ${SPLIT_PERCENT_MAX} with a splitVersion` });
        if (l.name === LATEST_LABEL) ctx.addIssue({ code: "custom", path: at("splitVersion"), message: '"latest" cannot split' });
      }
    });
    const newestApproved = Math.max(0, ...approved);
    const latest = r.labels.find((l) => l.name === LATEST_LABEL);
    if (newestApproved && latest && latest.version !== newestApproved) ctx.addIssue({ code: "custom", path: ["labels"], message: `"latest" must name v${newestApproved}, the newest approved version` });
    if (newestApproved && !latest) ctx.addIssue({ code: "custom", path: ["labels"], message: `"latest" is missing (it names v${newestApproved}, the newest approved version)` });
  });

export type PromptRecordInput = z.input<typeof promptRecordSchema>;
export type PromptRecord = z.output<typeof promptRecordSchema>;

/** A zod error as one line: every field path with its message ("versions.2.body: cannot be empty"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(line)"}: ${i.message}`).join("; ");
}
