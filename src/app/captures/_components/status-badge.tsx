import { isError } from "./format";

/** The HTTP status, green for success and rose for errors. */
export function StatusBadge({ status }: { status: number }) {
  const tone = isError(status) ? "bg-rose-50 text-rose-700 ring-rose-200" : "bg-emerald-50 text-emerald-700 ring-emerald-200";
  return (
    <span className={`inline-flex items-center rounded-md px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset ${tone}`}>
      <span className="sr-only">{isError(status) ? "Error " : "OK "}</span>
      {status}
    </span>
  );
}
