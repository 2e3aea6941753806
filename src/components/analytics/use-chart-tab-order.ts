"use client";
import { useEffect, type RefObject } from "react";

const LAYER = 'g[class^="recharts-zIndex-layer_"]';

/**
 * Keeps a recharts chart one Tab stop: its surface (arrow keys move the tooltip). Recharts 3.11
 * renders a dozen z-index layer groups with no tabindex, and Chromium puts each in the Tab order
 * (recharts/recharts#7799 → #7805), so every chart would cost a keyboard user six more presses.
 */
export function useChartTabOrder(container: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const mark = () => root.querySelectorAll(LAYER).forEach((g) => g.getAttribute("tabindex") === "-1" || g.setAttribute("tabindex", "-1"));
    mark();
    // The layers are created when the chart first measures its size, after this effect.
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
}
