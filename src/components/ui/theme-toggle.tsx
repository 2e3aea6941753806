"use client";
// Light / dark / system, as three pressed-or-not buttons. The choice goes to a cookie (read by the
// server and by the pre-paint script in layout.tsx) and to <html> at once; under "system" the page
// follows the OS setting live. Every toggle on the page reads the same state from <html>.
import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE, parseTheme, type Theme } from "./theme-preference";

const CHANGE = "promptuary:theme";
const darkQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

function apply(theme: Theme) {
  const root = document.documentElement;
  root.classList.toggle("dark", theme === "dark" || (theme === "system" && darkQuery().matches));
  root.setAttribute("data-theme", theme);
}

function choose(theme: Theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${THEME_COOKIE_MAX_AGE}; samesite=lax`;
  apply(theme);
  window.dispatchEvent(new Event(CHANGE));
}

const subscribe = (onChange: () => void) => {
  window.addEventListener(CHANGE, onChange);
  return () => window.removeEventListener(CHANGE, onChange);
};

const OPTIONS: { theme: Theme; label: string; icon: ReactNode }[] = [
  {
    theme: "light",
    label: "Light theme",
    icon: (
      <>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </>
    ),
  },
  { theme: "dark", label: "Dark theme", icon: <path d="M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5Z" /> },
  {
    theme: "system",
    label: "System theme",
    icon: (
      <>
        <rect x="3" y="4" width="18" height="12" rx="2" />
        <path d="M8 20h8M12 16v4" />
      </>
    ),
  },
];

export function ThemeToggle({ initial, className = "" }: { initial: Theme; className?: string }) {
  const theme = useSyncExternalStore(subscribe, () => parseTheme(document.documentElement.getAttribute("data-theme")), () => initial);

  // Under "system", follow the OS when it switches (evening mode and the like).
  useEffect(() => {
    if (theme !== "system") return;
    const query = darkQuery();
    const follow = () => apply("system");
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, [theme]);

  return (
    <div role="group" aria-label="Colour theme" className={`inline-flex items-center gap-0.5 rounded-lg bg-slate-100 p-0.5 ring-1 ring-inset ring-slate-200 ${className}`}>
      {OPTIONS.map((o) => (
        <button
          key={o.theme}
          type="button"
          aria-label={o.label}
          aria-pressed={theme === o.theme}
          title={o.label}
          onClick={() => choose(o.theme)}
          className="inline-flex h-7 w-7 items-center justify-center rounded-md text-slate-500 transition hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-pressed:bg-white aria-pressed:text-slate-900 aria-pressed:shadow-xs"
        >
          <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
            {o.icon}
          </svg>
        </button>
      ))}
    </div>
  );
}
