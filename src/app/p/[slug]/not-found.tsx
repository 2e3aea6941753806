import { ButtonLink } from "@/components/ui/button";

export default function PromptNotFound() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-20">
      <div className="mx-auto max-w-md text-center">
        <p className="font-mono text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Prompt not found</h1>
        <p className="mt-2 text-slate-600">This prompt does not exist, or it is private. Check the link, or sign in if it is one of yours.</p>
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
