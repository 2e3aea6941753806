// The tabs of "Try it", shared by the page (which reads ?tab=) and the client tab list.
export const TRY_TABS = [
  { id: "render", label: "Render" },
  { id: "test", label: "Test with models" },
] as const;
export type TryTab = (typeof TRY_TABS)[number]["id"];

export const isTryTab = (v: unknown): v is TryTab => TRY_TABS.some((t) => t.id === v);
