"use client";
// Below the md breakpoint the header's links, its search box and the theme toggle live behind a
// menu button, so at phone widths every link is one tap away instead of scrolled off-screen.
// Following a link or searching closes it (the header stays mounted across pages).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import type { Theme } from "@/components/ui/theme-preference";
import { HeaderSearch } from "./header-search";

export type NavLink = { href: string; label: string };

/** `children`: account actions that only fit the bar on wider screens (sign out). */
export function MobileMenu({ links, theme, children }: { links: NavLink[]; theme: Theme; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={open ? "Close menu" : "Open menu"}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden>
          {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      <div id={panelId} hidden={!open} className="absolute inset-x-0 top-full border-b border-slate-200 bg-white px-4 pb-4 pt-3 shadow-lg">
        <HeaderSearch id="mobile-search-q" onSearch={() => setOpen(false)} />
        <nav aria-label="Menu" className="mt-3">
          <ul className="grid gap-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} onClick={() => setOpen(false)} aria-current={pathname === l.href ? "page" : undefined} className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-700">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-3 flex items-center justify-between gap-3 border-t border-slate-100 pt-3 text-sm text-slate-600">
          <span className="flex items-center gap-2">
            Theme
            <ThemeToggle initial={theme} />
          </span>
          {children}
        </div>
      </div>
    </div>
  );
}
