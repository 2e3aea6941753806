"use client";
import Form from "next/form";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { MARKET_SORTS, type MarketSort } from "./market-sorts";

/** A GET form: picking a sort submits at once; the button is there without JavaScript. */
export function MarketSortForm({ sort }: { sort: MarketSort }) {
  return (
    <Form action="/market" className="flex items-end gap-2">
      <div>
        <label htmlFor="market-sort" className="block text-sm font-medium text-slate-800">
          Sort by
        </label>
        <Select id="market-sort" name="sort" defaultValue={sort} className="mt-1.5 h-9 py-0 pr-8" onChange={(e) => e.currentTarget.form?.requestSubmit()}>
          {Object.entries(MARKET_SORTS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <noscript>
        <Button type="submit" variant="secondary" className="h-9">
          Apply
        </Button>
      </noscript>
    </Form>
  );
}
