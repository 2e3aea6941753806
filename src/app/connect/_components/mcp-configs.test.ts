import { describe, expect, it } from "vitest";
import { mcpStdioArgs } from "@/shared/mcp/stdio-command";
import { CHECKOUT_PLACEHOLDER, configJson, mcpEditorSetups } from "./mcp-configs";

describe("the Connect page's MCP configurations", () => {
  it("are valid JSON naming this site's endpoint or the stdio bridge with its environment", () => {
    const setups = mcpEditorSetups("https://prompts.example.com");
    expect(setups.map((s) => s.editor)).toEqual(["Claude Desktop", "Cursor", "VS Code"]);
    const claude = JSON.parse(setups[0].blocks[0].code) as { mcpServers: { promptuary: { command: string; args: string[]; env: Record<string, string> } } };
    expect(claude.mcpServers.promptuary).toEqual({ command: "npm", args: mcpStdioArgs(CHECKOUT_PLACEHOLDER), env: { PROMPTUARY_KEY: "pq_…", PROMPTUARY_URL: "https://prompts.example.com" } });
    const cursor = JSON.parse(setups[1].blocks[0].code) as { mcpServers: { promptuary: { url: string; headers: Record<string, string> } } };
    expect(cursor.mcpServers.promptuary).toEqual({ url: "https://prompts.example.com/api/mcp", headers: { Authorization: "Bearer ${env:PROMPTUARY_KEY}" } });
    const vscode = JSON.parse(setups[2].blocks[0].code) as { servers: { promptuary: { type: string; url: string } }; inputs: { id: string; password: boolean }[] };
    expect(vscode.servers.promptuary).toMatchObject({ type: "http", url: "https://prompts.example.com/api/mcp" });
    expect(vscode.inputs).toMatchObject([{ id: "promptuary-key", password: true }]);
    for (const block of setups.flatMap((s) => s.blocks)) expect(() => JSON.parse(block.code) as unknown).not.toThrow();
  });

  it("keeps arrays of plain values on one line and everything else indented", () => {
    expect(configJson({ args: ["a", "b \"c\"", 1], env: { K: "v" }, list: [{ x: 1 }] })).toBe(
      '{\n  "args": ["a", "b \\"c\\"", 1],\n  "env": {\n    "K": "v"\n  },\n  "list": [\n    {\n      "x": 1\n    }\n  ]\n}',
    );
  });
});
