// `npm run cli -- mcp`: Promptuary's MCP server over stdio (src/server/mcp/stdio-bridge.ts), for
// editors that start a local process. Reads the key from PROMPTUARY_KEY and the site from
// PROMPTUARY_URL (default http://localhost:3000); needs no database.
import { serveMcpOverStdio } from "../../src/server/mcp/stdio-bridge";

export const DEFAULT_PROMPTUARY_URL = "http://localhost:3000";

/** A usage problem (exit 2) as text, or the settings to serve with. */
export function mcpSettings(env: Record<string, string | undefined>): { usage: string } | { siteUrl: string; key: string } {
  const key = env.PROMPTUARY_KEY?.trim();
  if (!key) return { usage: "PROMPTUARY_KEY: set it to a Promptuary API key with the read scope (Settings → API keys)" };
  return { siteUrl: env.PROMPTUARY_URL?.trim() || DEFAULT_PROMPTUARY_URL, key };
}

export async function runMcp(env: Record<string, string | undefined>): Promise<{ usage: string } | null> {
  const settings = mcpSettings(env);
  if ("usage" in settings) return settings;
  await serveMcpOverStdio(settings);
  return null;
}
