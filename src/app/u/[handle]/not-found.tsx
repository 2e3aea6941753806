import { ButtonLink } from "@/components/ui/button";

export default function UserNotFound() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-20">
      <div className="mx-auto max-w-md text-center">
        <p className="font-mono text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Creator not found</h1>
        <p className="mt-2 text-slate-600">Nobody on Promptuary uses that handle. Check the spelling, or find creators through their prompts.</p>
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
