"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPCClient } from "@/trpc/react";
import { nextPageAfter } from "@/shared/pagination/next-page-after";
import { ListingCard } from "./listing-card";
import type { ListingSummary } from "./types";
import type { ListingSort } from "@/shared/marketplace/listing-sorts";

/** The Market's grid: the first page comes from the server, "Load more" appends the next ones. */
export function MarketList({ initial, sort, pageSize }: { initial: { items: ListingSummary[]; nextCursor: string | null }; sort: ListingSort; pageSize: number }) {
  const client = useTRPCClient();
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      // After the last listing shown, or the one before it if that one has left the Market since.
      const shown = items.map((i) => i.id);
      const page = await nextPageAfter(shown[shown.length - 1] === cursor ? shown : [...shown, cursor], (after) => client.listing.list.query({ sort, cursor: after, limit: pageSize }));
      setItems((prev) => [...prev, ...page.items.filter((i) => !prev.some((p) => p.id === i.id))]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not load more listings.");
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Listings">
        {items.map((l) => (
          <li key={l.id}>
            <ListingCard listing={l} />
          </li>
        ))}
      </ul>
      {error ? (
        <Alert tone="error" className="mt-6">
          {error}
        </Alert>
      ) : null}
      <div className="mt-8 flex justify-center" aria-live="polite">
        {cursor ? (
          <Button variant="secondary" onClick={loadMore} disabled={loading}>
            {loading ? "Loading…" : "Load more"}
          </Button>
        ) : items.length > pageSize ? (
          <p className="text-sm text-slate-500">That is everything for sale.</p>
        ) : null}
      </div>
    </>
  );
}
