import type { ReactNode } from "react";
import { PromptCard } from "./prompt-card";
import type { PromptCardData } from "./types";

/** A responsive grid of prompt cards, or the given empty state when there are none. */
export function PromptGrid({ prompts, empty, label }: { prompts: PromptCardData[]; empty: ReactNode; label: string }) {
  if (!prompts.length) return <>{empty}</>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={label}>
      {prompts.map((p) => (
        <li key={p.id}>
          <PromptCard prompt={p} />
        </li>
      ))}
    </ul>
  );
}
