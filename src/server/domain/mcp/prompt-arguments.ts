// A version's variables as MCP prompt arguments: each is required unless it has a default, which the
// description then names (MCP's PromptArgument has no default field; clients show the description).
import type { PromptVariable } from "@/shared/prompts/variables";

export type McpPromptArgument = { name: string; description?: string; required: boolean };

export function promptArguments(variables: readonly PromptVariable[]): McpPromptArgument[] {
  return variables.map((v) => {
    const parts = [v.description?.trim(), v.default !== undefined ? `Default: ${JSON.stringify(v.default)}.` : undefined].filter(Boolean);
    return { name: v.name, ...(parts.length ? { description: parts.join(" ") } : {}), required: v.default === undefined };
  });
}
