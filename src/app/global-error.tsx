"use client";
// When the root layout itself fails (its header reads the session), this replaces it: its own
// document, the site's styles, the same error page as error.tsx.
import "./globals.css";
import { ServerError } from "@/components/ui/server-error";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Promptuary</title>
      </head>
      <body className="min-h-screen">
        <ServerError digest={digest} onRetry={retry} />
      </body>
    </html>
  );
}
