/**
 * Splits a search snippet on the <mark> and </mark> tags the database puts around matches. Every
 * other character is rendered as plain text (React escapes it), so a description containing HTML
 * can never inject markup.
 */
export function snippetSegments(snippet: string): { text: string; marked: boolean }[] {
  const segments: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) segments.push({ text: part, marked });
  }
  return segments;
}

/** `source` is the full text the snippet was cut from: an ellipsis marks the ends that were cut off. */
export function HighlightedSnippet({ snippet, source, className = "" }: { snippet: string; source?: string; className?: string }) {
  const segments = snippetSegments(snippet);
  const plain = segments.map((s) => s.text).join("").trim();
  const cutStart = source !== undefined && plain !== "" && !source.trim().startsWith(plain);
  const cutEnd = source !== undefined && plain !== "" && !source.trim().endsWith(plain);
  return (
    <p className={className}>
      {cutStart ? "… " : null}
      {segments.map((s, i) =>
        s.marked ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
      {cutEnd ? " …" : null}
    </p>
  );
}
