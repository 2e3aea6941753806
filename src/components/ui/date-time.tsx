import { formatDate, isoDate, timeAgo } from "./format-date";

type Moment = Date | string;

/** A `<time>` element: machine-readable ISO in `dateTime`, the text by the app's one date rule. */
export function DateTime({ value, format = formatDate, title, className }: { value: Moment; format?: (value: Moment) => string; title?: string; className?: string }) {
  return (
    <time dateTime={isoDate(value)} title={title} className={className}>
      {format(value)}
    </time>
  );
}

/**
 * "3 hours ago", with the date as its tooltip. The text depends on the clock, so the browser's
 * hydration may differ from the server's by a minute; that difference is expected.
 */
export function TimeAgo({ value, now, className }: { value: Moment; now?: Date; className?: string }) {
  return (
    <time dateTime={isoDate(value)} title={formatDate(value)} className={className} suppressHydrationWarning>
      {timeAgo(value, now)}
    </time>
  );
}
