// A labelled picker of a prompt's versions ("v3 (production, latest)"), as the prompt body and the
// Test tab show it; `markLocked` adds "— locked" to versions whose body the viewer may not read.
import { Select } from "@/components/ui/field";

type VersionOption = { id: string; number: number; labels: string[]; bodyLocked?: boolean };

export function VersionSelect({
  id,
  versions,
  value,
  onChange,
  markLocked = false,
  className = "min-w-36",
}: {
  id: string;
  versions: VersionOption[];
  value: number;
  onChange: (number: number) => void;
  markLocked?: boolean;
  className?: string;
}) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Version
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} className={`w-auto py-1.5 ${className}`}>
        {versions.map((v) => (
          <option key={v.id} value={v.number}>
            v{v.number}
            {v.labels.length ? ` (${v.labels.join(", ")})` : ""}
            {markLocked && v.bodyLocked ? " — locked" : ""}
          </option>
        ))}
      </Select>
    </div>
  );
}
