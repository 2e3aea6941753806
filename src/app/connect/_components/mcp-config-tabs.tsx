"use client";
import { useId, useState } from "react";
import { TabList } from "@/components/ui/tab-list";
import { CodeBlock } from "@/components/captures/code-block";
import type { McpEditorSetup } from "./mcp-configs";

/** One tab per editor (arrow keys move between tabs): where its config lives, and the config to paste. */
export function McpConfigTabs({ setups }: { setups: McpEditorSetup[] }) {
  const [active, setActive] = useState("0");
  const base = useId();
  const tabs = setups.map((s, i) => ({ id: String(i), label: s.editor }));
  return (
    <div>
      <TabList label="Editor" tabs={tabs} active={active} onChange={setActive} idBase={base} className="mb-3" />
      {setups.map((s, i) => (
        <div key={s.editor} role="tabpanel" id={`${base}-panel-${i}`} aria-labelledby={`${base}-tab-${i}`} hidden={String(i) !== active} className="space-y-3">
          <p className="text-sm text-slate-600">{s.where}</p>
          {s.blocks.map((b) => (
            <CodeBlock key={b.title} title={`${s.editor} — ${b.title}`} code={b.code} language="json" />
          ))}
        </div>
      ))}
    </div>
  );
}
