"use client";
import { Button, ButtonLink } from "./button";

/**
 * The body of the app's error pages (app/error.tsx, app/global-error.tsx): the page could not be
 * built, most often because the database is briefly unreachable. Says so, offers to try again, and
 * gives the reference that matches the server's log line.
 */
export function ServerError({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-20">
      <div className="mx-auto max-w-md text-center" role="alert">
        <p className="font-mono text-sm font-semibold text-rose-600">Error</p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">This page could not be loaded</h1>
        <p className="mt-2 text-slate-600">
          Something went wrong on our side, often only for a moment (for example while the database restarts). Please try again in a few seconds.
        </p>
        <div className="mt-6 flex justify-center gap-2">
          <Button onClick={onRetry}>Try again</Button>
          <ButtonLink href="/" variant="secondary">
            Home
          </ButtonLink>
        </div>
        {digest ? <p className="mt-6 font-mono text-xs text-slate-400">Reference: {digest}</p> : null}
      </div>
    </main>
  );
}
