// What MCP serves of a version: its body, variables and model settings, and whether `production`
// names it. Which version is served is decided once, for collections and tools alike, by
// collections/served-versions.ts (a pin, else production, else the newest approved version); the
// tools' explicit version numbers are approved versions only (a proposal is not for tools to run).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PromptVariable } from "@/shared/prompts/variables";

export const servedVersionSelect = {
  id: true,
  number: true,
  body: true,
  variables: true,
  modelSettings: true,
  labels: { where: { name: "production" }, select: { name: true } },
} as const satisfies Prisma.PromptVersionSelect;
export type ServedVersionRow = Prisma.PromptVersionGetPayload<{ select: typeof servedVersionSelect }>;

/** "production" when that label names the version, else null. */
export const labelOf = (version: ServedVersionRow): string | null => (version.labels.length ? "production" : null);

export const variablesOf = (version: { variables: unknown }): PromptVariable[] => (Array.isArray(version.variables) ? (version.variables as PromptVariable[]) : []);
