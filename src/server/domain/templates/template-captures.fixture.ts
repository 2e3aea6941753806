// Captured traffic of two prompt templates (chat calls whose code fills a system prompt and a user
// turn), stored directly as identity leaves them in the inbox: decision "new", in a detected prompt.
// Shared by the re-clustering and template router integration tests.
import { createHash } from "node:crypto";
import type { Db } from "@/server/db/prisma";

export const SUPPORT_SYSTEM = `You are a friendly support agent for Acme Cloud Storage. Answer the customer's question in at most two sentences, using only the knowledge base, and always end by offering further help with their account.`;
export const TRANSLATE_SYSTEM = `You are a professional translator for a travel magazine. Translate the user's text faithfully, keep every name, number and emoji exactly as written, and never add explanations or notes of your own.`;

export const supportText = (name: string, plan: string, question: string) =>
  `${SUPPORT_SYSTEM}\n\nuser: Customer ${name} on the ${plan} plan asks: ${question}`;
export const translateText = (language: string, text: string) => `${TRANSLATE_SYSTEM}\n\nuser: Translate into ${language}: ${text}`;

export const SUPPORT_TEXTS = [
  supportText("Alice", "Pro", "how do I restore a deleted folder?"),
  supportText("Bob", "Free", "why is my upload stuck at 99 percent?"),
  supportText("Carla", "Team", "can I share a folder with a guest?"),
  supportText("Dmitri", "Pro", "where do I download my invoices?"),
  supportText("Eve", "Business", "how do I turn on two-factor login?"),
];
export const TRANSLATE_TEXTS = [
  translateText("French", "The old harbour is best at sunrise."),
  translateText("German", "Book the night train two weeks ahead."),
  translateText("Spanish", "Markets close early on Sundays."),
  translateText("Italian", "The museum is free on the first Monday."),
];
export const LONE_TEXT = `Write a limerick about a cat who learns to play the trumpet in a jazz band, with a twist in the last line.`;

export const normalise = (s: string) => s.replace(/\s+/g, " ").trim();
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

// Two days ago, a minute apart: recent enough for the re-cluster schedule's look-back.
let clock = Math.floor(Date.now() / 60_000) * 60_000 - 2 * 86_400_000;
/** Strictly increasing capture times, so "first" and "last" seen are well defined. */
export const nextTime = () => new Date((clock += 60_000));

/** A detected prompt as identity opens it (counts given: migrated entries may count more calls than captures). */
export async function makeDetected(
  db: Db,
  ownerId: string,
  key: string,
  extra: Partial<{ callCount: number; costUsd: string; models: string[]; status: string; firstSeenAt: Date; lastSeenAt: Date }> = {},
) {
  const at = extra.firstSeenAt ?? nextTime();
  return db.detectedPrompt.create({
    data: {
      ownerId,
      title: `Detected ${key}`,
      identityText: key,
      identityHash: sha(`${ownerId}:${key}`),
      exampleText: key,
      callCount: extra.callCount ?? 1,
      costUsd: extra.costUsd ?? "0",
      models: extra.models ?? [],
      status: extra.status ?? "detected",
      firstSeenAt: at,
      lastSeenAt: extra.lastSeenAt ?? at,
    },
  });
}

/** A captured chat call in the inbox (or with another decision), identified already. */
export async function makeCapture(
  db: Db,
  ownerId: string,
  promptText: string | null,
  extra: Partial<{ detectedPromptId: string | null; decision: string; createdAt: Date; model: string; costUsd: string; resultPromptId: string }> = {},
) {
  const createdAt = extra.createdAt ?? nextTime();
  return db.capture.create({
    data: {
      ownerId,
      provider: "openai",
      endpoint: "/v1/chat/completions",
      method: "POST",
      model: extra.model ?? "gpt-4o-mini",
      status: 200,
      latencyMs: 50,
      promptText,
      costUsd: extra.costUsd,
      createdAt,
      decision: extra.decision ?? "new",
      detectedPromptId: extra.detectedPromptId ?? null,
      resultPromptId: extra.resultPromptId,
      identityHash: promptText ? sha(promptText) : null,
      processedAt: new Date(createdAt.getTime() + 1000),
    },
  });
}
