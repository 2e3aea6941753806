// Where usage events come from, in words (UsageEvent.source).
const SOURCE_LABELS: Record<string, string> = { web: "Web", api: "API", proxy: "Capture proxy", mcp: "MCP" };
export const sourceLabel = (source: string) => SOURCE_LABELS[source] ?? source;
