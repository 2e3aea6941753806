import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { CAPTURE_DECISIONS } from "@/shared/captures/capture-decisions";
import type { CaptureFilterValues } from "./search-params";

/** A plain GET form, so filters live in the URL and work without JavaScript. */
export function CaptureFilters({ values, models }: { values: CaptureFilterValues; models: string[] }) {
  const modelOptions = values.model && !models.includes(values.model) ? [values.model, ...models] : models;
  const active = Boolean(values.model || values.status || values.decision);
  return (
    <form method="get" action="/captures" role="search" aria-label="Filter captures" className="flex flex-wrap items-end gap-3">
      <div className="min-w-[10rem] flex-1 sm:flex-none">
        <label htmlFor="filter-model" className="block text-xs font-medium text-slate-600">
          Model
        </label>
        <Select id="filter-model" name="model" defaultValue={values.model ?? ""} className="mt-1 sm:w-52">
          <option value="">All models</option>
          {modelOptions.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
      </div>
      <div className="min-w-[8rem] flex-1 sm:flex-none">
        <label htmlFor="filter-status" className="block text-xs font-medium text-slate-600">
          Status
        </label>
        <Select id="filter-status" name="status" defaultValue={values.status ?? ""} className="mt-1 sm:w-36">
          <option value="">Any status</option>
          <option value="ok">OK (&lt; 400)</option>
          <option value="error">Errors (≥ 400)</option>
        </Select>
      </div>
      <div className="min-w-[8rem] flex-1 sm:flex-none">
        <label htmlFor="filter-decision" className="block text-xs font-medium text-slate-600">
          Decision
        </label>
        <Select id="filter-decision" name="decision" defaultValue={values.decision ?? ""} className="mt-1 sm:w-36">
          <option value="">Any decision</option>
          {CAPTURE_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {active ? (
          <Link href="/captures" className="rounded px-2 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
