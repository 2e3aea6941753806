import { Button } from "./button";

/** The parts of an infinite query (TanStack Query) that paging on demand needs. */
type PagedQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; isFetchNextPageError: boolean; fetchNextPage: () => unknown };

/** "Load more …" under a list that pages in place, and a message when loading the next page fails. */
export function LoadMore({ query, label, failure, className }: { query: PagedQuery; label: string; failure: string; className: string }) {
  return (
    <>
      {query.hasNextPage ? (
        <div className={`${className} flex justify-center`}>
          <Button variant="secondary" size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : label}
          </Button>
        </div>
      ) : null}
      {query.isFetchNextPageError ? (
        <p role="alert" className="mt-2 text-center text-sm text-rose-600">
          {failure}
        </p>
      ) : null}
    </>
  );
}
