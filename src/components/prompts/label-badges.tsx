import { Badge } from "@/components/ui/card";

/** `latest` and `production` labels, optionally with the version they point at. */
export function LabelBadge({ name, number }: { name: string; number?: number }) {
  const tone = name === "production" ? "emerald" : name === "latest" ? "indigo" : "slate";
  return (
    <Badge tone={tone} className="gap-1 font-mono">
      {name === "production" ? <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-emerald-500" /> : null}
      {name}
      {number !== undefined ? <span className="opacity-70">v{number}</span> : null}
    </Badge>
  );
}
