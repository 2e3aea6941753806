// An endpoint's signing secret: Standard Webhooks' "whsec_" + base64 of 32 random bytes, shown once
// when the endpoint is created, stored sealed (secret-box.ts, as provider keys are) and bound to the
// endpoint's id, so a ciphertext copied onto another endpoint does not open.
import "server-only";
import { randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "../secret-box";

const context = (endpointId: string) => `webhook-secret:${endpointId}`;

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;
export const sealWebhookSecret = (endpointId: string, secret: string) => sealSecret(secret, { context: context(endpointId) });
export const openWebhookSecret = (endpointId: string, ciphertext: string) => openSecret(ciphertext, { context: context(endpointId) });
