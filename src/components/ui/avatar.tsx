/* eslint-disable @next/next/no-img-element -- avatars are arbitrary user URLs; no image optimisation config for them */
const palette = ["bg-indigo-500", "bg-emerald-500", "bg-amber-500", "bg-rose-500", "bg-sky-500", "bg-violet-500", "bg-teal-500", "bg-fuchsia-500"];

export function Avatar({ name, handle, image, size = 32 }: { name?: string | null; handle: string; image?: string | null; size?: number }) {
  const label = name || handle;
  if (image) return <img src={image} alt="" width={size} height={size} className="rounded-full object-cover" style={{ width: size, height: size }} />;
  const initials = label.split(/[\s-]+/).map((w) => w[0]).slice(0, 2).join("").toUpperCase();
  const color = palette[[...handle].reduce((a, c) => a + c.charCodeAt(0), 0) % palette.length];
  return (
    <span aria-hidden className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white ${color}`} style={{ width: size, height: size, fontSize: size * 0.4 }}>
      {initials}
    </span>
  );
}
