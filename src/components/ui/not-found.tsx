import type { ReactNode } from "react";
import { ButtonLink } from "./button";

/** The body of a route's not-found page: what is missing, why that may be, and ways back in. */
export function NotFound({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-20">
      <div className="mx-auto max-w-md text-center">
        <p className="font-mono text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-2 text-slate-600">{children}</p>
        <div className="mt-6 flex justify-center gap-2">
          <ButtonLink href="/explore">Explore prompts</ButtonLink>
          <ButtonLink href="/" variant="secondary">
            Home
          </ButtonLink>
        </div>
      </div>
    </main>
  );
}
