"use client";
import { TabList } from "@/components/ui/tab-list";
import { TRY_TABS, type TryTab } from "./try-tab-ids";

/** "Render" fills the variables; "Test" runs the prompt on models. Arrow keys move between them. */
export function TryTabs({ active, onChange }: { active: TryTab; onChange: (tab: TryTab) => void }) {
  return <TabList label="Try it" tabs={TRY_TABS} active={active} onChange={onChange} idBase="try" />;
}
