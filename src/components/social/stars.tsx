import { StarIcon } from "@/components/ui/icons";

/**
 * Five stars filled up to `value` (fractions fill part of a star). The stars are decorative; the
 * text alternative ("4.5 out of 5 stars") is read instead unless `label` is false.
 */
export function Stars({ value, size = 16, label = true, className = "" }: { value: number | null; size?: number; label?: boolean; className?: string }) {
  const pct = Math.max(0, Math.min(5, value ?? 0)) * 20;
  const row = (filled: boolean) =>
    [1, 2, 3, 4, 5].map((n) => <StarIcon key={n} filled={filled} width={size} height={size} className="shrink-0" />);
  return (
    <span className={`inline-flex items-center ${className}`}>
      <span aria-hidden className="relative inline-flex">
        <span className="inline-flex text-slate-300">{row(false)}</span>
        <span className="absolute inset-y-0 left-0 inline-flex overflow-hidden text-amber-400" style={{ width: `${pct}%` }}>
          {row(true)}
        </span>
      </span>
      {label ? <span className="sr-only">{value === null ? "No ratings yet" : `${formatStars(value)} out of 5 stars`}</span> : null}
    </span>
  );
}

/** 4.5 → "4.5", 4 → "4.0", 4.333 → "4.3". */
export const formatStars = (value: number) => (Math.round(value * 10) / 10).toFixed(1);
