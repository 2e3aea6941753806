"use client";
import { useEffect, useRef } from "react";

/**
 * Guards a form against a double click: two submit events can fire before `pending` re-renders
 * the button disabled, so the first one claims the form until the request settles. Call
 * `claim()` at the top of the submit handler and stop when it returns false.
 */
export function useSubmitOnce(pending: boolean) {
  const claimed = useRef(false);
  useEffect(() => {
    if (!pending) claimed.current = false;
  }, [pending]);
  return {
    claim() {
      if (pending || claimed.current) return false;
      claimed.current = true;
      return true;
    },
  };
}
