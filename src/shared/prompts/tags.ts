// One spelling per tag: "Customer Support", " customer  support " and "customer-support" are the
// same tag. The migration that rewrote existing tags (20261124121122_everyday_use) applies this
// same rule in SQL; keep the two in step.

/** Trimmed, lower case, runs of spaces to one dash, no repeated or edge dashes. */
export function normalizeTag(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Normalised, without empties, first spelling and order kept. */
export function normalizeTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normalizeTag).filter((t) => t.length > 0))];
}
