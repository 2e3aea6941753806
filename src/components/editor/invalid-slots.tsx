import type { InvalidSlot } from "@/shared/prompts/variables";

/** Malformed `{{slots}}` in the body, each with why and a fix; the forms refuse to save while any remain. */
export function InvalidSlots({ id, slots }: { id: string; slots: InvalidSlot[] }) {
  if (!slots.length) return null;
  return (
    <div id={id} role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
      <p className="font-semibold">
        {slots.length === 1 ? "1 variable slot needs fixing" : `${slots.length} variable slots need fixing`} before you can save:
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {slots.slice(0, 10).map((s) => (
          <li key={`${s.index}-${s.slot}`} className="[overflow-wrap:anywhere]">
            <code className="rounded bg-white/70 px-1 font-mono text-[12px] text-rose-900">{s.slot}</code> {s.message.slice(s.slot.length + 3)}
          </li>
        ))}
      </ul>
      {slots.length > 10 ? <p className="mt-1">…and {slots.length - 10} more.</p> : null}
    </div>
  );
}
