"use client";
import { useId, useState } from "react";
import { TabList } from "@/components/ui/tab-list";
import { CodeBlock } from "@/components/captures/code-block";
import type { Snippet } from "./snippets";

/** One SDK's snippets, one tab per language (arrow keys move between tabs). */
export function SnippetTabs({ sdk, snippets }: { sdk: string; snippets: Snippet[] }) {
  const [active, setActive] = useState("0");
  const base = useId();
  const tabs = snippets.map((s, i) => ({ id: String(i), label: s.language }));
  return (
    <div>
      <TabList label={`${sdk} language`} tabs={tabs} active={active} onChange={setActive} idBase={base} className="mb-3" />
      {snippets.map((s, i) => (
        <div key={s.language} role="tabpanel" id={`${base}-panel-${i}`} aria-labelledby={`${base}-tab-${i}`} hidden={String(i) !== active}>
          <CodeBlock title={`${sdk} — ${s.language}`} code={s.code} language={s.language.toLowerCase()} />
        </div>
      ))}
    </div>
  );
}
