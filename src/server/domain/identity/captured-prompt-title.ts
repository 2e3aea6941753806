/**
 * A readable title for a detected prompt: the first sentence of its instructions' first meaningful
 * line (role prefixes and Markdown markers dropped), shortened at a word boundary.
 */
export function capturedPromptTitle(text: string, max = 72): string {
  const line =
    text
      .split("\n")
      .map((l) => l.replace(/^\s*(#+|[-*>]|system:|developer:|user:|assistant:)\s*/i, "").replace(/\s+/g, " ").trim())
      .find((l) => /[\p{L}\p{N}]{3}/u.test(l)) ?? "";
  if (!line) return "Captured prompt";
  // The first sentence: up to ". ", "! ", "? " or ": " followed by more text (abbreviations like "e.g." stay whole).
  const end = line.search(/(?<!\b(?:e\.g|i\.e|etc|vs|Mr|Ms|Dr))[.!?:](\s|$)/);
  const sentence = end >= 0 && end + 1 >= 12 ? line.slice(0, end + 1) : line;
  const title = sentence.replace(/:$/, "");
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
