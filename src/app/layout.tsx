import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { Suspense, type ReactNode } from "react";
import "./globals.css";
import { TRPCReactProvider } from "@/trpc/react";
import { THEME_COOKIE, THEME_SCRIPT, parseTheme } from "@/components/ui/theme-preference";
import { NavigationProgress } from "./_components/navigation-progress";
import { SiteHeader } from "./_components/site-header";

export const metadata: Metadata = {
  title: { default: "Promptuary", template: "%s · Promptuary" },
  description: "Keep, test, trade and discover LLM prompts.",
};

/** This response's CSP nonce (src/proxy.ts puts the policy on the request); inline scripts need it. */
const nonceFrom = (policy: string | null) => policy?.match(/'nonce-([^']+)'/)?.[1];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [requestHeaders, jar] = await Promise.all([headers(), cookies()]);
  const theme = parseTheme(jar.get(THEME_COOKIE)?.value);
  return (
    // An explicit choice is rendered by the server; "system" is settled by the script before paint,
    // which is why <html>'s class may differ from the server's.
    <html lang="en" className={theme === "dark" ? "dark" : undefined} data-theme={theme} suppressHydrationWarning>
      <head>
        <script nonce={nonceFrom(requestHeaders.get("content-security-policy"))} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">
        <Suspense fallback={null}>
          <NavigationProgress />
        </Suspense>
        <TRPCReactProvider>
          <SiteHeader />
          {children}
        </TRPCReactProvider>
      </body>
    </html>
  );
}
