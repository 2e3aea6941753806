import { githubSignInEnabled } from "@/env";
import { GitHubButton } from "./github-button";

/** "Continue with GitHub" and an "or" above the email form, when GitHub sign-in is configured. */
export function GitHubOption({ callbackUrl }: { callbackUrl: string }) {
  if (!githubSignInEnabled()) return null;
  return (
    <>
      <GitHubButton callbackUrl={callbackUrl} />
      <div className="my-6 flex items-center gap-3 text-xs font-medium uppercase tracking-wide text-slate-400">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
    </>
  );
}
