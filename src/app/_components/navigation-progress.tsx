"use client";
// A thin bar at the top of the window while the next page loads. It starts on a click on an
// internal link, on back/forward, and when code navigates (startNavigationProgress); it finishes
// when the URL the app renders changes. No dependency: a CSS transform and a few listeners.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

const START = "promptuary:navigation-start";
/** A navigation that never lands (same URL, an error) must not leave the bar up. */
const GIVE_UP_MS = 10_000;

/** For code that navigates with router.push: show the bar as a link click would. */
export const startNavigationProgress = () => window.dispatchEvent(new Event(START));

function isInternalNavigation(e: MouseEvent) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  const a = (e.target as Element | null)?.closest?.("a[href]");
  if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== "_self") || a.hasAttribute("download")) return false;
  const url = new URL(a.href, window.location.href);
  return url.origin === window.location.origin && (url.pathname !== window.location.pathname || url.search !== window.location.search);
}

export function NavigationProgress() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [state, setState] = useState<"idle" | "loading" | "done">("idle");
  const url = `${pathname}?${search}`;
  const [shownUrl, setShownUrl] = useState(url);

  // The new URL is on screen: finish, then fade out (adjusted while rendering, not in an effect).
  if (url !== shownUrl) {
    setShownUrl(url);
    if (state === "loading") setState("done");
  }
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), state === "done" ? 350 : GIVE_UP_MS);
    return () => clearTimeout(t);
  }, [state]);

  useEffect(() => {
    const start = () => setState("loading");
    // Capture phase: Next's Link cancels the click's default before it bubbles.
    const onClick = (e: MouseEvent) => {
      if (isInternalNavigation(e)) start();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", start);
    window.addEventListener(START, start);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", start);
      window.removeEventListener(START, start);
    };
  }, []);

  return (
    <div aria-hidden data-testid="navigation-progress" data-state={state} className="pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 print:hidden">
      {state === "idle" ? null : (
        <div
          className={`h-full origin-left bg-indigo-500 shadow-[0_0_6px] shadow-indigo-400 ${state === "done" ? "scale-x-100 opacity-0 transition-[transform,opacity] duration-300" : "animate-[nav-progress-grow_8s_cubic-bezier(0.1,0.7,0.3,1)_forwards]"}`}
        />
      )}
    </div>
  );
}
