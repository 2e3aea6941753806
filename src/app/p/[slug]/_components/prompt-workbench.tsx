"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { plural } from "@/components/ui/plural";
import { DateTime } from "@/components/ui/date-time";
import { HighlightedBody } from "@/components/prompts/highlighted-body";
import { LabelBadge } from "@/components/prompts/label-badges";
import { LockedBody } from "@/components/prompts/locked-body";
import type { VersionData } from "@/components/prompts/types";
import { TestTab } from "@/components/harness/test-tab";
import { TryItForm } from "./try-it-form";
import { type TryTab } from "./try-tab-ids";
import { VersionSelect } from "@/components/prompts/version-select";
import { TryTabs } from "./try-tabs";
import { VersionList, type VersionListViewer } from "./version-list";
import { useTRPC } from "@/trpc/react";

const sectionHeading = "text-lg font-semibold text-slate-900";

/**
 * The version being viewed drives three sections: its body ("Prompt"), the render form ("Try it")
 * and the highlighted row in "Versions". The choice is mirrored in `?v=` so links can point at a version.
 */
export function PromptWorkbench({
  versions,
  initialNumber,
  isOwner,
  signedIn,
  slug,
  initialTab = "render",
  initialRunId = null,
  versionViewer,
}: {
  versions: VersionData[];
  initialNumber: number;
  isOwner: boolean;
  signedIn: boolean;
  slug: string;
  initialTab?: TryTab;
  /** A run to reopen in the Test tab (?run=). */
  initialRunId?: string | null;
  /** Who is looking and what they may do with versions (review, deprecate, move labels). */
  versionViewer?: VersionListViewer;
}) {
  // The latest published version: proposals (newer numbers) are listed, but are not "latest".
  const latest = versions.find((v) => v.status === "approved") ?? versions[0];
  const [selectedNumber, setSelectedNumber] = useState(initialNumber);
  const [values, setValues] = useState<Record<string, string>>({});
  const selected = versions.find((v) => v.number === selectedNumber) ?? latest;
  const [tab, setTab] = useState<TryTab>(initialTab);
  // A copy is usage the server cannot see: reported after the clipboard took it (a failure is not the reader's concern).
  const trackCopy = useMutation(useTRPC().analytics.copy.mutationOptions());
  const chooseTab = (next: TryTab) => {
    setTab(next);
    const url = new URL(window.location.href);
    if (next === "render") url.searchParams.delete("tab");
    else url.searchParams.set("tab", next);
    window.history.replaceState(null, "", url);
  };

  const select = (number: number) => {
    setSelectedNumber(number);
    const url = new URL(window.location.href);
    if (number === latest.number) url.searchParams.delete("v");
    else url.searchParams.set("v", String(number));
    window.history.replaceState(null, "", url);
  };

  return (
    <>
      <section aria-labelledby="prompt-heading" id="prompt" className="scroll-mt-20">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="prompt-heading" className={sectionHeading}>
            Prompt
          </h2>
          <div className="flex items-center gap-2">
            <VersionSelect id="version-picker" versions={versions} value={selected.number} onChange={select} />
            {selected.body !== null ? <CopyButton text={selected.body} label="Copy prompt text" onCopied={() => trackCopy.mutate({ versionId: selected.id })} /> : null}
          </div>
        </div>

        <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm text-slate-600">
          <span className="font-mono font-semibold text-slate-900">v{selected.number}</span>
          {selected.labels.map((l) => (
            <LabelBadge key={l} name={l} />
          ))}
          <span>
            by @{selected.author.handle} on <DateTime value={selected.createdAt} />
          </span>
          {selected.changelog ? <span className="min-w-0 text-slate-500">— {selected.changelog}</span> : null}
        </div>

        {selected.status !== "approved" ? (
          <p className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            {selected.status === "rejected" ? `v${selected.number} was rejected: it was never published.` : `v${selected.number} is a proposal in review: only reviewers and contributors see it until it is approved.`}
            <button type="button" onClick={() => select(latest.number)} className="rounded font-semibold underline underline-offset-2 hover:text-amber-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
              View the published version
            </button>
          </p>
        ) : selected.number !== latest.number ? (
          <p className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            You are viewing an older version (v{selected.number} of {latest.number}).
            <button type="button" onClick={() => select(latest.number)} className="rounded font-semibold underline underline-offset-2 hover:text-amber-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
              View latest
            </button>
          </p>
        ) : null}

        {selected.body !== null ? (
          <HighlightedBody body={selected.body} label={`Body of version ${selected.number}`} className="mt-3 max-h-[36rem] overflow-y-auto" />
        ) : (
          <LockedBody versionNumber={selected.number} variables={selected.variables} className="mt-3" />
        )}
      </section>

      <section aria-labelledby="try-heading" id="try-it" className="scroll-mt-20">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="try-heading" className={sectionHeading}>
            Try it
          </h2>
          <TryTabs active={tab} onChange={chooseTab} />
        </div>
        <div role="tabpanel" id="try-panel-render" aria-labelledby="try-tab-render" hidden={tab !== "render"}>
          {selected.bodyLocked ? (
            <p className="mt-1 text-sm text-slate-600">Rendering v{selected.number} needs a license that covers it.</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-600">Fill in the variables of v{selected.number} and render the final prompt text.</p>
              <TryItForm key={selected.id} version={selected} values={values} onValuesChange={setValues} />
            </>
          )}
        </div>
        <div role="tabpanel" id="try-panel-test" aria-labelledby="try-tab-test" hidden={tab !== "test"}>
          {tab === "test" ? (
            <>
              <p className="mt-1 text-sm text-slate-600">Run v{selected.number} on several models side by side, with assertions, and compare runs.</p>
              <TestTab
                versions={versions}
                selected={selected}
                onSelectVersion={select}
                values={values}
                onValuesChange={setValues}
                signedIn={signedIn}
                slug={slug}
                isOwner={isOwner}
                initialRunId={initialRunId}
              />
            </>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="versions-heading" id="versions" className="scroll-mt-20">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="versions-heading" className={sectionHeading}>
            Versions
          </h2>
          <span className="text-sm text-slate-500">
            {plural(versions.length, "version")}
          </span>
        </div>
        <VersionList
          versions={versions}
          selectedNumber={selected.number}
          isOwner={isOwner}
          viewer={versionViewer}
          onView={(n) => {
            select(n);
            document.getElementById("prompt")?.scrollIntoView({ behavior: "smooth", block: "start" });
          }}
        />
      </section>
    </>
  );
}
