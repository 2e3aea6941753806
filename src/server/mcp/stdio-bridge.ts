// `npm run cli -- mcp`: the MCP server over stdio for editors that start a local process (Claude
// Desktop, Cursor, VS Code). It serves exactly what /api/mcp serves by bridging to it with the SDK's
// own client: every prompts/* and tools/* request is forwarded over Streamable HTTP with the key,
// so access, rendering and usage recording happen on the server, once. It needs no database.
// stdout carries the protocol only: anything said to a person goes to stderr.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, GetPromptRequestSchema, ListPromptsRequestSchema, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";

export const MCP_PATH = "/api/mcp";

/** The endpoint for PROMPTUARY_URL: the site's origin (or the /api/mcp URL itself). */
export function mcpEndpoint(siteUrl: string): URL {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`PROMPTUARY_URL: "${siteUrl}" is not a URL (e.g. https://promptuary.example.com)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`PROMPTUARY_URL: must be http:// or https:// (got ${url.protocol})`);
  return url.pathname.replace(/\/+$/, "").endsWith(MCP_PATH) ? url : new URL(MCP_PATH, url);
}

/** The server's refusal in words: the JSON-RPC message in an HTTP error's body when there is one. */
export function bridgeErrorMessage(error: unknown, endpoint: URL): string {
  const text = error instanceof Error ? error.message : String(error);
  const quoted = /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
  const status = typeof (error as { code?: unknown })?.code === "number" ? (error as { code: number }).code : null;
  if (quoted) return `Promptuary at ${endpoint.origin} refused the connection${status ? ` (HTTP ${status})` : ""}: ${JSON.parse(`"${quoted}"`) as string}`;
  return `Could not connect to Promptuary's MCP endpoint at ${endpoint.href}: ${text}`;
}

/**
 * An error from the remote server, passed on with its own code, message and data. (The SDK sends a
 * thrown error's code, message and data; the client's McpError carries an "MCP error N:" prefix that
 * would otherwise be sent, and prefixed again.)
 */
function forwardError(error: unknown): never {
  if (!(error instanceof McpError)) throw error;
  throw Object.assign(new Error(error.message.replace(/^MCP error -?\d+: /, "")), { code: error.code, data: error.data });
}

export async function serveMcpOverStdio(opts: { siteUrl: string; key: string }): Promise<void> {
  const endpoint = mcpEndpoint(opts.siteUrl);
  const client = new Client({ name: "promptuary-stdio-bridge", version: "1.0.0" });
  const http = new StreamableHTTPClientTransport(endpoint, { requestInit: { headers: { authorization: `Bearer ${opts.key}` } } });
  try {
    await client.connect(http);
  } catch (error) {
    throw new Error(bridgeErrorMessage(error, endpoint));
  }

  const remote = client.getServerVersion();
  const server = new McpServer(
    { name: remote?.name ?? "promptuary", version: remote?.version ?? "1.0.0" },
    { instructions: client.getInstructions(), capabilities: { prompts: {}, tools: {} } },
  );
  server.server.setRequestHandler(ListPromptsRequestSchema, (request) => client.listPrompts(request.params).catch(forwardError));
  server.server.setRequestHandler(GetPromptRequestSchema, (request) => client.getPrompt(request.params).catch(forwardError));
  server.server.setRequestHandler(ListToolsRequestSchema, (request) => client.listTools(request.params).catch(forwardError));
  server.server.setRequestHandler(CallToolRequestSchema, (request) => client.callTool(request.params).catch(forwardError));

  const stdio = new StdioServerTransport();
  // The editor closing stdin ends the bridge.
  stdio.onclose = () => void client.close();
  await server.connect(stdio);
  console.error(`promptuary mcp: serving ${endpoint.href} over stdio`);
}
