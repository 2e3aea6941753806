"use client";
import Form from "next/form";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { LISTING_SORT_NAMES, LISTING_SORTS, type ListingSort } from "@/shared/marketplace/listing-sorts";

/** A GET form: picking a sort submits at once; the button is there without JavaScript. */
export function MarketSortForm({ sort }: { sort: ListingSort }) {
  return (
    <Form action="/market" className="flex items-end gap-2">
      <div>
        <label htmlFor="market-sort" className="block text-sm font-medium text-slate-800">
          Sort by
        </label>
        <Select id="market-sort" name="sort" defaultValue={sort} className="mt-1.5 h-9 py-0 pr-8" onChange={(e) => e.currentTarget.form?.requestSubmit()}>
          {LISTING_SORT_NAMES.map((value) => (
            <option key={value} value={value}>
              {LISTING_SORTS[value].label}
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
