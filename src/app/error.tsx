"use client";
// A page that failed to render (the database down, a bug) inside the site's layout: the app's own
// error page with a retry, not a bare 500. Errors in the layout itself reach global-error.tsx.
import { ServerError } from "@/components/ui/server-error";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return <ServerError digest={digest} onRetry={retry} />;
}
