// A readable line diff between two version bodies, with word-level detail inside changed lines.
import { diffLines, diffWordsWithSpace } from "diff";
import type { DiffLine, DiffPart, TextDiff } from "@/shared/prompts/text-diff";

const splitLines = (value: string) => {
  const lines = value.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
};

export function diffText(before: string, after: string): TextDiff {
  const lines: DiffLine[] = [];
  let oldNumber = 1;
  let newNumber = 1;
  // A missing final newline must not make the last line look changed.
  const withNewline = (t: string) => (t === "" || t.endsWith("\n") ? t : `${t}\n`);
  const chunks = diffLines(withNewline(before), withNewline(after));
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (!chunk.added && !chunk.removed) {
      for (const text of splitLines(chunk.value)) lines.push({ kind: "same", text, oldNumber: oldNumber++, newNumber: newNumber++ });
      continue;
    }
    // A removal followed by an addition is a change: pair the lines up for word-level detail.
    const next = chunks[i + 1];
    if (chunk.removed && next?.added) {
      const removed = splitLines(chunk.value);
      const added = splitLines(next.value);
      const paired = Math.min(removed.length, added.length);
      const removedLines: DiffLine[] = [];
      const addedLines: DiffLine[] = [];
      removed.forEach((text, k) => {
        const parts = k < paired ? diffWordsWithSpace(text, added[k]).filter((p) => !p.added) : undefined;
        removedLines.push({ kind: "removed", text, oldNumber: oldNumber++, parts: parts?.map(toPart) });
      });
      added.forEach((text, k) => {
        const parts = k < paired ? diffWordsWithSpace(removed[k], text).filter((p) => !p.removed) : undefined;
        addedLines.push({ kind: "added", text, newNumber: newNumber++, parts: parts?.map(toPart) });
      });
      lines.push(...removedLines, ...addedLines);
      i++;
      continue;
    }
    for (const text of splitLines(chunk.value)) {
      lines.push(chunk.added ? { kind: "added", text, newNumber: newNumber++ } : { kind: "removed", text, oldNumber: oldNumber++ });
    }
  }
  return {
    lines,
    added: lines.filter((l) => l.kind === "added").length,
    removed: lines.filter((l) => l.kind === "removed").length,
    unchanged: lines.filter((l) => l.kind === "same").length,
  };
}

const toPart = (p: { value: string; added?: boolean; removed?: boolean }): DiffPart => {
  const part: DiffPart = { value: p.value };
  if (p.added) part.added = true;
  if (p.removed) part.removed = true;
  return part;
};
