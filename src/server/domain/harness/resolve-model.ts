// A model choice checked before anything runs: the provider must exist for this user and have a
// key (requireProvider), and the model must be in that provider's catalogue. Each failure is a 400
// naming the input field; a catalogue that cannot be fetched is a 502 naming the provider.
import "server-only";
import type { Db } from "@/server/db/prisma";
import { ValidationError } from "../errors";
import { providerModelIds } from "./model-catalogue";
import { requireProvider, type HarnessProvider } from "./providers";

export async function resolveModel(db: Db, ownerId: string, choice: { provider: string; model: string }, fields: { provider: string; model: string }): Promise<HarnessProvider> {
  const provider = await requireProvider(db, ownerId, choice.provider, fields.provider);
  const models = await providerModelIds(provider);
  if (!models.includes(choice.model)) {
    const message = `Unknown model "${choice.model}" for provider "${provider.name}"`;
    throw new ValidationError(message, { [fields.model]: [message] });
  }
  return provider;
}
