const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** A date in the reader's time zone (the server's rendering may differ by a zone, hence the warning opt-out). */
export function FormattedDate({ value, withTime = false }: { value: Date; withTime?: boolean }) {
  const d = new Date(value);
  return (
    <time dateTime={d.toISOString()} title={dateTimeFormat.format(d)} suppressHydrationWarning>
      {(withTime ? dateTimeFormat : dateFormat).format(d)}
    </time>
  );
}
