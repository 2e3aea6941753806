import type { ReactNode } from "react";

/** A settings block: title and explanation on the left, content on the right (stacked on phones). */
export function SettingsSection({ id, title, description, children }: { id: string; title: string; description: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid gap-6 border-t border-slate-200 py-10 first:border-t-0 first:pt-0 md:grid-cols-[16rem_minmax(0,1fr)] md:gap-10">
      <div>
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <div className="mt-1 text-sm leading-relaxed text-slate-600">{description}</div>
      </div>
      <div className="min-w-0 space-y-6">{children}</div>
    </section>
  );
}
