import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { TRPCReactProvider } from "@/trpc/react";
import { SiteHeader } from "./_components/site-header";

export const metadata: Metadata = {
  title: { default: "Promptuary", template: "%s · Promptuary" },
  description: "Keep, test, trade and discover LLM prompts.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <TRPCReactProvider>
          <SiteHeader />
          {children}
        </TRPCReactProvider>
      </body>
    </html>
  );
}
