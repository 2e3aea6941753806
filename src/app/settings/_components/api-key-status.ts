// What the API keys table says about a key's state, decided once for the badge and the actions:
// revoked, expired, replaced by a rotation (working until its grace end), expiring soon, active.
export type ApiKeyState = { tone: "emerald" | "amber" | "rose" | "slate"; label: string; usable: boolean; rotatable: boolean };

const SOON_MS = 7 * 24 * 3_600_000;

export function apiKeyState(key: { revokedAt: Date | null; expiresAt: Date | null; rotatedToId: string | null }, now = new Date()): ApiKeyState {
  if (key.revokedAt) return { tone: "rose", label: "Revoked", usable: false, rotatable: false };
  const expired = key.expiresAt !== null && new Date(key.expiresAt) <= now;
  if (key.rotatedToId) return expired ? { tone: "slate", label: "Rotated", usable: false, rotatable: false } : { tone: "amber", label: "Rotated · in grace", usable: true, rotatable: false };
  if (expired) return { tone: "slate", label: "Expired", usable: false, rotatable: false };
  if (key.expiresAt && new Date(key.expiresAt).getTime() - now.getTime() < SOON_MS) return { tone: "amber", label: "Expires soon", usable: true, rotatable: true };
  return { tone: "emerald", label: "Active", usable: true, rotatable: true };
}
