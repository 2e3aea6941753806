import { describe, expect, it } from "vitest";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { mcpSettings } from "../../../scripts/cli/mcp";
import { bridgeErrorMessage, mcpEndpoint } from "./stdio-bridge";

describe("the stdio bridge's settings", () => {
  it("finds /api/mcp from the site's URL, or takes the endpoint itself", () => {
    expect(mcpEndpoint("https://prompts.example.com").href).toBe("https://prompts.example.com/api/mcp");
    expect(mcpEndpoint("https://prompts.example.com/").href).toBe("https://prompts.example.com/api/mcp");
    expect(mcpEndpoint("http://localhost:3000/api/mcp").href).toBe("http://localhost:3000/api/mcp");
    expect(() => mcpEndpoint("prompts.example.com")).toThrow(/^PROMPTUARY_URL: "prompts.example.com" is not a URL/);
    expect(() => mcpEndpoint("ftp://prompts.example.com")).toThrow(/^PROMPTUARY_URL: must be http/);
  });

  it("needs PROMPTUARY_KEY and defaults PROMPTUARY_URL to a local server", () => {
    expect(mcpSettings({})).toEqual({ usage: expect.stringMatching(/^PROMPTUARY_KEY: /) as string });
    expect(mcpSettings({ PROMPTUARY_KEY: " pq_x " })).toEqual({ key: "pq_x", siteUrl: "http://localhost:3000" });
    expect(mcpSettings({ PROMPTUARY_KEY: "pq_x", PROMPTUARY_URL: "https://p.example.com" })).toEqual({ key: "pq_x", siteUrl: "https://p.example.com" });
  });

  it("says the server's refusal in words, or why it could not connect", () => {
    const endpoint = new URL("https://p.example.com/api/mcp");
    const refused = new StreamableHTTPError(401, 'Error POSTing to endpoint: {"jsonrpc":"2.0","error":{"code":-32001,"message":"Invalid or \\"revoked\\" API key."},"id":null}');
    expect(bridgeErrorMessage(refused, endpoint)).toBe('Promptuary at https://p.example.com refused the connection (HTTP 401): Invalid or "revoked" API key.');
    expect(bridgeErrorMessage(new TypeError("fetch failed"), endpoint)).toBe("Could not connect to Promptuary's MCP endpoint at https://p.example.com/api/mcp: fetch failed");
  });
});
