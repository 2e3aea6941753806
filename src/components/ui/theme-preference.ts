// The colour theme a visitor picked: light, dark, or whatever their system prefers. Kept in a
// cookie so the server can render the right class on <html> and the inline script in layout.tsx
// can settle "system" before the first paint (no flash of the wrong theme).
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";
/** A year: the choice outlives sessions. */
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const parseTheme = (value: string | undefined | null): Theme => (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";

/**
 * Runs in <head> before the body paints: reads the cookie, resolves "system" with
 * prefers-color-scheme, and sets the `dark` class and data-theme on <html>. Plain ES5, no imports.
 */
export const THEME_SCRIPT = `(function(){try{var m=document.cookie.match(/(?:^|; )${THEME_COOKIE}=(light|dark|system)/);var t=m?m[1]:"system";var d=t==="dark"||(t==="system"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.setAttribute("data-theme",t);}catch(_){}})();`;
