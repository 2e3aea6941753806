// Label names: `production` and `latest` are the built-in ones (latest is moved automatically to the
// newest approved version); custom ones (staging, prod-a, tenant_1…) are lowercase letters, digits,
// - and _, at most 32 characters. Shared by the label form, the label router and the runtime endpoint.
import { z } from "zod";

export const LATEST_LABEL = "latest";
export const PRODUCTION_LABEL = "production";
export const LABEL_NAME_MAX = 32;
export const LABEL_NAME_PATTERN = /^[a-z0-9_-]+$/;

const nameRules = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .trim()
  .min(1, "is required")
  .max(LABEL_NAME_MAX, `must be at most ${LABEL_NAME_MAX} characters`)
  .regex(LABEL_NAME_PATTERN, "must hold only lowercase letters, digits, - and _");

/** Any label a prompt may carry, as a reader names it (?label=…). */
export const labelNameSchema = nameRules;

/** A label someone may set by hand: every name but `latest`. */
export const settableLabelNameSchema = nameRules.refine((name) => name !== LATEST_LABEL, `"${LATEST_LABEL}" is moved automatically to the newest approved version and cannot be set by hand`);

/** The traffic share of a split's second version, in percent. */
export const SPLIT_PERCENT_MIN = 1;
export const SPLIT_PERCENT_MAX = 99;
