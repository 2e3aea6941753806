/** Explains the `{{name}}` and `{{name|default}}` slot syntax. */
export function VariableSyntaxHint() {
  return (
    <div className="space-y-2 text-xs leading-relaxed text-slate-600">
      <p>
        <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-slate-800">{"{{name}}"}</code> is a value people fill in when they use the
        prompt.
      </p>
      <p>
        <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-slate-800">{"{{name|default}}"}</code> gives it a default, e.g.{" "}
        <code className="font-mono text-slate-800">{"{{tone|friendly}}"}</code>.
      </p>
      <p>Names use letters, digits and underscores, and start with a letter or underscore.</p>
    </div>
  );
}
