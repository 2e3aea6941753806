import type { ReactNode } from "react";
import { ButtonLink } from "./button";
import { ArrowRightIcon } from "./icons";

/**
 * Cursor pagination as plain links: back to the first page (when past it), to the previous page
 * (where the list's cursors also run backwards) and on to the next one. Renders nothing on a lone
 * first page.
 */
export function Pager({
  firstHref,
  firstLabel = "First page",
  prevHref,
  nextHref,
  nextLabel = "Next page",
  end,
  className = "mt-8",
}: {
  /** Set when past the first page. */
  firstHref?: string;
  firstLabel?: string;
  /** Set when there is a previous page and the list can page backwards. */
  prevHref?: string;
  /** Set when there is a next page. */
  nextHref?: string;
  nextLabel?: string;
  /** Shown in place of the next link on the last page. */
  end?: ReactNode;
  className?: string;
}) {
  if (!firstHref && !prevHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className={`${className} flex items-center justify-between gap-4`}>
      {firstHref || prevHref ? (
        <span className="flex flex-wrap items-center gap-2">
          {firstHref ? (
            <ButtonLink href={firstHref} variant="ghost">
              <span aria-hidden>«</span> {firstLabel}
            </ButtonLink>
          ) : null}
          {prevHref ? (
            <ButtonLink href={prevHref} variant="secondary" rel="prev">
              <span aria-hidden>←</span> Previous page
            </ButtonLink>
          ) : null}
        </span>
      ) : (
        <span />
      )}
      {nextHref ? (
        <ButtonLink href={nextHref} variant="secondary" rel="next">
          {nextLabel}
          <ArrowRightIcon />
        </ButtonLink>
      ) : end ? (
        <span className="text-sm text-slate-500">{end}</span>
      ) : null}
    </nav>
  );
}
