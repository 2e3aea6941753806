import { CopyButton } from "@/components/ui/copy-button";

/** A license key in a monospace box with a copy button. */
export function LicenseKey({ value, label = "License key", tone = "slate" }: { value: string; label?: string; tone?: "slate" | "emerald" }) {
  const box = tone === "emerald" ? "bg-white ring-emerald-200" : "bg-slate-50 ring-slate-200";
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      {/* The key wraps under its button rather than being cut off in narrow columns. */}
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code className={`min-w-0 flex-[1_1_13rem] break-all rounded-md px-2.5 py-1.5 font-mono text-[13px] font-semibold text-slate-900 ring-1 ring-inset ${box}`}>
          {value}
        </code>
        <CopyButton text={value} label="Copy key" />
      </div>
    </div>
  );
}
