/** A prompt title from captured text: its first meaningful line, shortened at a word boundary. */
export function capturedPromptTitle(text: string, max = 80): string {
  const line =
    text
      .split("\n")
      .map((l) => l.replace(/^\s*(#+|[-*>]|system:|user:|assistant:)\s*/i, "").replace(/\s+/g, " ").trim())
      .find((l) => l.length >= 3) ?? "";
  if (!line) return "Captured prompt";
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
