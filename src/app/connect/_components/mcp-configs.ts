// Copy-paste MCP setups for editors. Cursor and VS Code reach /api/mcp directly over Streamable HTTP
// with the key in a header (read from the environment or asked for once, so it is not written in the
// file); Claude Desktop's config file starts local processes only, so it runs the stdio bridge
// (`npm run cli -- mcp` from a checkout of Promptuary; --silent keeps npm's banner off stdout, which
// carries the protocol).
import { MCP_STDIO_COMMAND, mcpStdioArgs, mcpStdioEnv } from "@/shared/mcp/stdio-command";

export type McpEditorSetup = { editor: "Claude Desktop" | "Cursor" | "VS Code"; where: string; blocks: { title: string; code: string }[] };

/** Where a checkout of Promptuary lives on the user's machine: a placeholder they replace. */
export const CHECKOUT_PLACEHOLDER = "/path/to/promptuary";

/** Indented JSON with arrays of plain values (a command's args) on one line, as people write configs. */
export const configJson = (value: unknown) =>
  JSON.stringify(value, null, 2).replace(/\[\n\s+((?:"(?:[^"\\]|\\.)*"|[\d.eE+-]+|true|false|null)(?:,\n\s+(?:"(?:[^"\\]|\\.)*"|[\d.eE+-]+|true|false|null))*)\n\s*\]/g, (_all, items: string) => `[${items.split(/,\n\s+/).join(", ")}]`);

const stdioServer = (origin: string, key: string) => ({ command: MCP_STDIO_COMMAND, args: mcpStdioArgs(CHECKOUT_PLACEHOLDER), env: mcpStdioEnv(key, origin) });

export function mcpEditorSetups(origin: string): McpEditorSetup[] {
  const endpoint = `${origin}/api/mcp`;
  return [
    {
      editor: "Claude Desktop",
      where: "Settings → Developer → Edit Config (claude_desktop_config.json), then restart Claude Desktop.",
      blocks: [{ title: "claude_desktop_config.json", code: configJson({ mcpServers: { promptuary: stdioServer(origin, "pq_…") } }) }],
    },
    {
      editor: "Cursor",
      where: "~/.cursor/mcp.json for every project, or .cursor/mcp.json in one; set PROMPTUARY_KEY in the environment Cursor starts from.",
      blocks: [
        { title: "mcp.json — over HTTP", code: configJson({ mcpServers: { promptuary: { url: endpoint, headers: { Authorization: "Bearer ${env:PROMPTUARY_KEY}" } } } }) },
        { title: "mcp.json — local process", code: configJson({ mcpServers: { promptuary: stdioServer(origin, "${env:PROMPTUARY_KEY}") } }) },
      ],
    },
    {
      editor: "VS Code",
      where: ".vscode/mcp.json in a workspace (or MCP: Open User Configuration); VS Code asks for the key once and stores it securely.",
      blocks: [
        {
          title: ".vscode/mcp.json — over HTTP",
          code: configJson({
            inputs: [{ type: "promptString", id: "promptuary-key", description: "Promptuary API key", password: true }],
            servers: { promptuary: { type: "http", url: endpoint, headers: { Authorization: "Bearer ${input:promptuary-key}" } } },
          }),
        },
        {
          title: ".vscode/mcp.json — local process",
          code: configJson({
            inputs: [{ type: "promptString", id: "promptuary-key", description: "Promptuary API key", password: true }],
            servers: { promptuary: { type: "stdio", ...stdioServer(origin, "${input:promptuary-key}") } },
          }),
        },
      ],
    },
  ];
}

/** The tools the server offers, as the Connect page lists them. */
export const MCP_TOOLS: { name: string; args: string; what: string }[] = [
  { name: "search_prompts", args: "query, category, tag", what: "Finds prompts you may read, as search does on the site." },
  { name: "get_prompt", args: "slug, version", what: "A version's body, variables and model settings (production unless a version is given)." },
  { name: "render_prompt", args: "slug, variables", what: "Fills the {{variables}} and returns the text, exactly as Render on the prompt page." },
];
