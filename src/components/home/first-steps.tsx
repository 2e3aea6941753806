"use client";
// The first-steps panel on a new account's home page. It leaves for good once every step is done
// (the server stops rendering it) or when dismissed (a cookie the home page reads).
import { useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { CheckIcon } from "@/components/ui/icons";
import { FIRST_STEPS_COOKIE, FIRST_STEPS_DISMISSED } from "./first-steps-cookie";


type Steps = { createdPrompt: boolean; followedSomeone: boolean; connectedProxy: boolean };

export function FirstSteps({ steps }: { steps: Steps }) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  const items = [
    { done: steps.createdPrompt, title: "Create a prompt", text: "Save your first prompt; every edit becomes a version.", href: "/new", cta: "New prompt" },
    { done: steps.followedSomeone, title: "Follow creators", text: "Their new prompts and versions show up here.", href: "/explore", cta: "Explore" },
    { done: steps.connectedProxy, title: "Connect the proxy", text: "Point your OpenAI or Anthropic SDK at Promptuary to capture real calls.", href: "/connect", cta: "Connect" },
  ];
  const doneCount = items.filter((i) => i.done).length;
  function dismiss() {
    document.cookie = `${FIRST_STEPS_COOKIE}=${FIRST_STEPS_DISMISSED}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    setDismissed(true);
  }
  return (
    <section aria-labelledby="first-steps-heading" className="rounded-xl border border-indigo-200 bg-indigo-50/60 p-5 sm:p-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id="first-steps-heading" className="text-base font-semibold text-slate-900">First steps</h2>
          <p className="mt-0.5 text-sm text-slate-600">{doneCount} of {items.length} done</p>
        </div>
        <Button variant="ghost" size="sm" onClick={dismiss}>Dismiss</Button>
      </div>
      <ol className="mt-4 grid gap-3 sm:grid-cols-3">
        {items.map((item) => (
          <li key={item.title} className={`rounded-lg border bg-white p-4 ${item.done ? "border-emerald-200" : "border-slate-200"}`}>
            <p className="flex items-center gap-2 text-sm font-semibold text-slate-900">
              {item.done ? (
                <span className="inline-flex h-5 w-5 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
                  <CheckIcon width={12} height={12} />
                </span>
              ) : (
                <span aria-hidden className="inline-flex h-5 w-5 rounded-full ring-2 ring-inset ring-slate-300" />
              )}
              {item.title}
              {item.done ? <span className="sr-only">(done)</span> : null}
            </p>
            <p className="mt-1 text-sm text-slate-600">{item.text}</p>
            {item.done ? null : (
              <Link href={item.href} className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:text-indigo-800">
                {item.cta} <span aria-hidden>→</span>
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
