import type { Metadata } from "next";
import { CheckoutStatus } from "@/components/marketplace/checkout-status";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { textParam } from "@/app/_components/search-params";

export const metadata: Metadata = { title: "Checkout" };
export const dynamic = "force-dynamic";

/** Stripe sends buyers here with ?session_id=… after paying; the page waits for the webhook's license. */
export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ session_id?: string | string[] }> }) {
  const sp = await searchParams;
  const sessionId = textParam(sp.session_id, 255);
  // Without a checkout to come back to, the Library is where a buyer looks next.
  await requireSignedIn(sessionId ? `/checkout/success?session_id=${encodeURIComponent(sessionId)}` : "/library");

  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-10 sm:py-16">
      {sessionId ? (
        <CheckoutStatus sessionId={sessionId} />
      ) : (
        <>
          <h1 className="sr-only">Checkout</h1>
          <EmptyState
            title="No checkout to show"
            action={
              <ButtonLink href="/library" variant="secondary">
                Go to your Library
              </ButtonLink>
            }
          >
            This page shows the result of a payment and needs the link Stripe sends you back with. Licenses you hold are all in your Library.
          </EmptyState>
        </>
      )}
    </main>
  );
}
