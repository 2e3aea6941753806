"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState, type KeyboardEvent } from "react";
import { MAX_TAGS, tagSchema } from "@/shared/prompts/prompt-fields";
import { normalizeTag } from "@/shared/prompts/tags";
import { useTRPC } from "@/trpc/react";

/**
 * Tags as chips plus a text box that suggests existing tags (a combobox: arrow keys move through
 * the suggestions, Enter picks one or adds what was typed, comma adds too, Backspace on an empty
 * box removes the last tag). Every tag is shown in its one spelling (normalizeTag) as it is added.
 */
export function TagInput({
  id,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState("");
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const query = useDeferredValue(normalizeTag(text));
  const suggestions = useQuery({
    ...trpc.prompt.tagSuggestions.queryOptions({ query, limit: 8 }),
    enabled: open && query.length > 0,
    placeholderData: keepPreviousData,
  });
  const options = query ? (suggestions.data?.items ?? []).filter((s) => !value.includes(s.tag)) : [];
  const expanded = open && options.length > 0;

  function add(raw: string) {
    const parsed = tagSchema.safeParse(raw);
    if (!raw.trim()) return;
    if (!parsed.success) return setProblem(`"${raw.trim()}": ${parsed.error.issues[0].message}.`);
    if (value.length >= MAX_TAGS && !value.includes(parsed.data)) return setProblem(`At most ${MAX_TAGS} tags.`);
    setProblem(null);
    if (!value.includes(parsed.data)) onChange([...value, parsed.data]);
    setText("");
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === "ArrowUp" && options.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === "Enter" || e.key === ",") {
      if (!text.trim() && e.key === "Enter") return; // an empty box lets Enter submit the form
      e.preventDefault();
      add(expanded && active >= 0 ? options[active].tag : text);
    } else if (e.key === "Escape" && expanded) {
      e.preventDefault();
      e.stopPropagation(); // close the list, not the dialog around it
      setOpen(false);
    } else if (e.key === "Backspace" && !text && value.length) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className="space-y-2">
      <div className="relative">
        <input
          id={id}
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={invalid || problem ? true : undefined}
          aria-describedby={[describedBy, problem ? `${id}-problem` : null].filter(Boolean).join(" ") || undefined}
          autoComplete="off"
          autoCapitalize="none"
          value={text}
          onChange={(e) => {
            const next = e.target.value;
            // Pasting "a, b, c" adds each.
            if (next.includes(",")) {
              const parts = next.split(",");
              for (const part of parts.slice(0, -1)) add(part);
              setText(parts.at(-1) ?? "");
            } else setText(next);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            if (text.trim()) add(text);
          }}
          placeholder={value.length ? "Add another tag" : "email, customer support, tone"}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-rose-500"
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Existing tags"
          hidden={!expanded}
          className="absolute z-20 mt-1 max-h-60 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
        >
          {options.map((s, i) => (
            <li
              key={s.tag}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // Chosen on mousedown, before the input's blur would add the half-typed text.
              onMouseDown={(e) => {
                e.preventDefault();
                add(s.tag);
              }}
              className={`flex cursor-pointer items-center justify-between gap-3 px-3 py-1.5 ${i === active ? "bg-indigo-50 text-indigo-900" : "text-slate-800 hover:bg-slate-50"}`}
            >
              <span>#{s.tag}</span>
              <span className="text-xs tabular-nums text-slate-500">{s.uses === 1 ? "1 prompt" : `${s.uses} prompts`}</span>
            </li>
          ))}
        </ul>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="text-sm text-rose-600" role="alert">
          {problem}
        </p>
      ) : null}
      {value.length ? (
        <ul className="flex flex-wrap items-center gap-1.5" aria-label="Tags added">
          {value.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2 pr-1 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-200">
              #{tag}
              <button
                type="button"
                onClick={() => onChange(value.filter((t) => t !== tag))}
                className="rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                aria-label={`Remove tag ${tag}`}
              >
                ×
              </button>
            </li>
          ))}
          <li className="ml-1 text-xs tabular-nums text-slate-500">
            {value.length} / {MAX_TAGS}
          </li>
        </ul>
      ) : null}
    </div>
  );
}
