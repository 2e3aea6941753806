// How an editor starts Promptuary's MCP server as a local process (the stdio bridge, `npm run cli --
// mcp`), from a checkout of Promptuary: what the Connect page's configurations say and what the
// stdio test runs. --silent keeps npm's banner off stdout, which carries the protocol only.

export const MCP_STDIO_COMMAND = "npm";

export const mcpStdioArgs = (checkout: string) => ["--prefix", checkout, "run", "--silent", "cli", "--", "mcp"];

/** The environment the bridge reads. */
export const mcpStdioEnv = (key: string, siteUrl: string) => ({ PROMPTUARY_KEY: key, PROMPTUARY_URL: siteUrl });
