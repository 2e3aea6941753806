// The contract of template induction (pure, no database): the CLI's `induce --json` prints exactly
// an InductionResult, and the re-clustering job stores one per owner.

export type InductionOptions = {
  /** Prompts join a cluster at this similarity or above (0..1). Default 0.8. */
  threshold?: number;
};

export type InducedTemplate = {
  /** The shell in prompt body syntax: constant text with {{variable}} slots. */
  template: string;
  /** Variable names in order of first appearance in the shell. */
  variables: string[];
  /** Indices (0-based) of the input prompts that fit it, ascending. */
  members: number[];
  /** One entry per member, in the order of `members`: {variable: value}. */
  values: Record<string, string>[];
};

export type InductionResult = {
  templates: InducedTemplate[];
  /** Indices of inputs in no template, ascending. Every input is in exactly one template's members or here. */
  unclustered: number[];
};
