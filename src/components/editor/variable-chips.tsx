import type { PromptVariable } from "@/shared/prompts/variables";

/** Detected `{{variables}}` as chips, with their defaults. */
export function VariableChips({ variables }: { variables: PromptVariable[] }) {
  if (variables.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500">
        No variables yet. Type <code className="font-mono text-indigo-700">{"{{name}}"}</code> in the body to add one.
      </p>
    );
  }
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Detected variables">
      {variables.map((v) => (
        <li
          key={v.name}
          className="inline-flex max-w-full items-center gap-1 rounded-md bg-indigo-50 px-2 py-1 font-mono text-xs text-indigo-800 ring-1 ring-inset ring-indigo-200"
        >
          <span className="font-semibold">{v.name}</span>
          {v.default !== undefined ? (
            <span className="truncate text-slate-600" title={v.default}>
              = {v.default === "" ? <em className="font-sans not-italic text-slate-400">(empty)</em> : v.default}
            </span>
          ) : (
            <span className="font-sans text-[11px] text-indigo-500">required</span>
          )}
        </li>
      ))}
    </ul>
  );
}
