import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DownloadIcon } from "@/components/ui/icons";

/** Settings → Account: the prompts export (GET /api/export), the file `npm run cli -- import` reads back. */
export function PromptExportPanel() {
  return (
    <Card className="p-5 sm:p-6">
      <h3 className="text-sm font-semibold text-slate-900">Export your prompts</h3>
      <p className="mt-1 text-sm text-slate-600">
        A JSONL file with one line per prompt: every version (body, variables, model settings, changelog), its labels, tags and where it was forked from. Import it into another Promptuary with{" "}
        <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">npm run cli -- import FILE --owner HANDLE</code>.
      </p>
      <div className="mt-4">
        {/* A plain link: the browser downloads the streamed file itself, however large. */}
        <a href="/api/export" download className={buttonClass({ variant: "secondary" })}>
          <DownloadIcon aria-hidden className="size-4" />
          Download prompts (JSONL)
        </a>
      </div>
    </Card>
  );
}
