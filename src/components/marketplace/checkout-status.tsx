"use client";
import { useEffect, useState, type ReactNode } from "react";
import { TRPCClientError } from "@trpc/client";
import { CheckIcon } from "@/components/ui/icons";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useTRPCClient } from "@/trpc/react";
import { LicenseKey } from "./license-key";
import type { CheckoutStatusData } from "./types";
import { formatMoney } from "@/shared/money/format-money";

const POLL_EVERY_MS = 1000;
const GIVE_UP_AFTER_MS = 60_000;

type State =
  | { kind: "waiting"; data: CheckoutStatusData | null }
  | { kind: "settled"; data: CheckoutStatusData }
  | { kind: "timeout"; data: CheckoutStatusData | null }
  | { kind: "failed"; message: string };

/**
 * After Stripe Checkout: the license is granted by Stripe's webhook, which may arrive a few seconds
 * after the browser. Asks every second (for up to a minute) until the purchase is settled.
 */
export function CheckoutStatus({ sessionId }: { sessionId: string }) {
  const client = useTRPCClient();
  const [round, setRound] = useState(0);
  const [state, setState] = useState<State>({ kind: "waiting", data: null });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    let last: CheckoutStatusData | null = null;
    async function check() {
      try {
        const data = await client.listing.checkoutStatus.query({ sessionId });
        if (stopped) return;
        last = data;
        if (data.status !== "pending") return setState({ kind: "settled", data });
        setState({ kind: "waiting", data });
      } catch (error) {
        if (stopped) return;
        // The purchase may not be recorded yet; anything else will not fix itself by waiting.
        if (!(error instanceof TRPCClientError && error.data?.code === "NOT_FOUND"))
          return setState({ kind: "failed", message: error instanceof Error ? error.message : "Could not check the payment." });
      }
      if (Date.now() - started >= GIVE_UP_AFTER_MS) return setState({ kind: "timeout", data: last });
      timer = setTimeout(check, POLL_EVERY_MS);
    }
    timer = setTimeout(check, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, sessionId, round]);

  const retry = () => {
    setState((s) => ({ kind: "waiting", data: "data" in s ? s.data : null }));
    setRound((r) => r + 1);
  };

  if (state.kind === "failed") {
    return (
      <Shell title="We could not check this payment">
        <Alert tone="error">{state.message}</Alert>
        <Actions>
          <Button onClick={retry}>Try again</Button>
          <ButtonLink href="/library" variant="secondary">
            Go to your Library
          </ButtonLink>
        </Actions>
      </Shell>
    );
  }

  if (state.kind === "waiting" || state.kind === "timeout") {
    const d = state.data;
    const what = d ? (
      <>
        <strong className="font-semibold text-slate-900">{d.prompt.title}</strong> · {formatMoney(d.amountCents, d.currency)}
      </>
    ) : null;
    if (state.kind === "timeout") {
      return (
        <Shell title={d ? "Still waiting for Stripe" : "We could not find this checkout"}>
          <p className="text-slate-600">
            {d ? (
              <>
                {what}. Stripe has not confirmed this payment yet. If you completed it, your license appears in your Library as soon as Stripe confirms it —
                usually within a few minutes. You will not be charged twice.
              </>
            ) : (
              "There is no checkout with this reference for your account. If you just paid, wait a moment and check again, or look in your Library."
            )}
          </p>
          <Actions>
            <Button onClick={retry}>Check again</Button>
            <ButtonLink href="/library" variant="secondary">
              Go to your Library
            </ButtonLink>
          </Actions>
        </Shell>
      );
    }
    return (
      <Shell title="Confirming your payment…" busy>
        <p className="text-slate-600">
          {what ? <>{what}. </> : null}
          Waiting for Stripe to confirm the payment. This usually takes a few seconds; keep this page open.
        </p>
      </Shell>
    );
  }

  const d = state.data;
  const amount = formatMoney(d.amountCents, d.currency);
  if (d.status === "expired") {
    return (
      <Shell title="This checkout expired">
        <p className="text-slate-600">
          The payment for <strong className="font-semibold text-slate-900">{d.prompt.title}</strong> was not completed in time. You were not charged.
        </p>
        <Actions>
          <ButtonLink href={`/p/${d.prompt.slug}`}>Back to the prompt</ButtonLink>
        </Actions>
      </Shell>
    );
  }
  if (d.status === "refunded" || d.license?.status === "revoked") {
    return (
      <Shell title="This purchase was refunded">
        <p className="text-slate-600">
          The payment of {amount} for <strong className="font-semibold text-slate-900">{d.prompt.title}</strong> was refunded, so its license was revoked. The
          money goes back to your payment method.
        </p>
        <PromptAndLibraryLinks slug={d.prompt.slug} />
      </Shell>
    );
  }
  if (!d.license) {
    // Paid, but the buyer already held a license for this prompt (two checkouts at once).
    return (
      <Shell title="Payment received">
        <p className="text-slate-600">
          You paid {amount} for <strong className="font-semibold text-slate-900">{d.prompt.title}</strong>, but you already held a license for it, so no second
          license was issued. This payment is refunded to you automatically.
        </p>
        <PromptAndLibraryLinks slug={d.prompt.slug} />
      </Shell>
    );
  }
  return (
    <Shell title="You're licensed" success>
      <p className="text-slate-600">
        You paid {amount} for <strong className="font-semibold text-slate-900">{d.prompt.title}</strong>. The full prompt is unlocked for you.
      </p>
      {d.status === "partially_refunded" ? <Alert tone="info">Part of this payment was refunded; your license stays active.</Alert> : null}
      <LicenseKey value={d.license.key} tone="emerald" />
      <PromptAndLibraryLinks slug={d.prompt.slug} />
    </Shell>
  );
}

function Shell({ title, busy = false, success = false, children }: { title: string; busy?: boolean; success?: boolean; children: ReactNode }) {
  return (
    <Card className="p-6 sm:p-8">
      <div aria-live="polite" aria-busy={busy} className="space-y-5">
        <div className="flex items-center gap-3">
          {busy ? (
            <span aria-hidden className="h-9 w-9 shrink-0 animate-spin rounded-full border-[3px] border-indigo-100 border-t-indigo-600" />
          ) : success ? (
            <span aria-hidden className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
              <CheckIcon width={20} height={20} />
            </span>
          ) : null}
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        </div>
        {children}
      </div>
    </Card>
  );
}

const Actions = ({ children }: { children: ReactNode }) => <div className="flex flex-wrap gap-2 pt-1">{children}</div>;

/** The two ways on from a settled checkout: the prompt itself, and the Library. */
function PromptAndLibraryLinks({ slug }: { slug: string }) {
  return (
    <Actions>
      <ButtonLink href={`/p/${slug}`}>Open the prompt</ButtonLink>
      <ButtonLink href="/library" variant="secondary">
        Go to your Library
      </ButtonLink>
    </Actions>
  );
}
