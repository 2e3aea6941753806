"use client";
// What the last review did ("v2 is approved and published."), said above the queue. It lives here,
// not in the queue's row: the refresh after an answer drops the row (or the whole list), and the
// notice must outlast it.
import { createContext, useContext, useState, type ReactNode } from "react";

const SayNotice = createContext<(notice: string) => void>(() => {});

export const useReviewNotice = () => useContext(SayNotice);

export function ReviewNoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <SayNotice.Provider value={setNotice}>
      <p aria-live="polite" className="mt-4 text-sm font-medium text-emerald-700 empty:hidden">
        {notice}
      </p>
      {children}
    </SayNotice.Provider>
  );
}
