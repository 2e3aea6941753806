// One MCP server for one authenticated person (the API key's owner), built per request: the HTTP
// endpoint is stateless. Prompts are the person's tool prompts (domain/mcp/tool-prompts.ts), read
// from the database on each prompts/list and prompts/get (so they are handled on the SDK's
// low-level server instead of being registered one by one); the tools are registered with their
// zod schemas, whose field names the SDK's validation errors quote.
import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, GetPromptRequestSchema, ListPromptsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "@/server/domain/actor";
import type { UsageOrigin } from "@/server/domain/analytics/usage-origin";
import { DomainError } from "@/server/domain/errors";
import { getPromptForTool, renderPromptForTool, renderToolPrompt, searchPromptsForTool } from "@/server/domain/mcp/mcp-prompt-actions";
import { promptArguments } from "@/server/domain/mcp/prompt-arguments";
import { listToolPrompts } from "@/server/domain/mcp/tool-prompts";
import { categorySchema } from "@/shared/prompts/prompt-fields";
import { searchQuerySchema, tagFilterSchema } from "@/shared/prompts/search-fields";

export const MCP_SERVER_INFO = { name: "promptuary", version: "1.0.0" } as const;

const INSTRUCTIONS =
  "Promptuary's prompt library. prompts/list holds the prompts you chose for tools (favourites, tool collections) and your organisations' approved prompts; " +
  "search_prompts finds others you may read, get_prompt returns a version's body and variables, render_prompt fills its {{variables}}.";

/** How many prompts one prompts/list page holds (the cursor is the next offset). */
export const PROMPTS_PAGE_SIZE = 100;

/**
 * A JSON-RPC error with exactly this message. (The SDK sends a thrown error's `code`, `message` and
 * `data`; an McpError's message already carries an "MCP error N:" prefix, which its client would
 * then repeat.)
 */
export class McpRefusal extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** A domain refusal as a JSON-RPC error carrying its message (the SDK's client throws it as McpError). */
function toMcpError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const code = error.status === 400 || error.status === 404 ? ErrorCode.InvalidParams : ErrorCode.InvalidRequest;
  return new McpRefusal(code, error.message, { status: error.status, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) });
}

const json = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value, null, 2) }] });

const slugField = z.string().trim().min(1, "is required").max(200, "is at most 200 characters").describe("The prompt's slug (its name in prompts/list and search results)");
const versionField = z.number().int().min(1, "must be a version number (1 or more)").optional().describe("A version number; omitted: the version labelled production, else the newest approved one");

export function buildMcpServer(db: DbOrTx, actor: Actor, usage: UsageOrigin): McpServer {
  const mcp = new McpServer(MCP_SERVER_INFO, { instructions: INSTRUCTIONS, capabilities: { prompts: {}, tools: {} } });

  mcp.server.setRequestHandler(ListPromptsRequestSchema, async (request) => {
    const offset = decodeOffset(request.params?.cursor);
    const all = await listToolPrompts(db, actor);
    const page = all.slice(offset, offset + PROMPTS_PAGE_SIZE);
    return {
      prompts: page.map((p) => ({
        name: p.slug,
        title: p.title,
        description: [p.description, `Version ${p.versionNumber}${p.label ? ` (${p.label})` : p.pinned ? " (pinned)" : ""}.`, p.bodyLocked ? "Paid: needs a license to use." : ""]
          .filter(Boolean)
          .join(" "),
        arguments: promptArguments(p.variables),
      })),
      ...(offset + PROMPTS_PAGE_SIZE < all.length ? { nextCursor: String(offset + PROMPTS_PAGE_SIZE) } : {}),
    };
  });

  mcp.server.setRequestHandler(GetPromptRequestSchema, async (request) => {
    try {
      const { prompt, rendered } = await renderToolPrompt(db, actor, { slug: request.params.name, arguments: request.params.arguments ?? {} }, usage);
      return {
        description: `${prompt.title} (version ${rendered.number})`,
        messages: [{ role: "user" as const, content: { type: "text" as const, text: rendered.text } }],
        _meta: { version: rendered.number, defaultsUsed: rendered.defaultsUsed, unknownVariables: rendered.unknownVariables },
      };
    } catch (error) {
      throw toMcpError(error);
    }
  });

  mcp.registerTool(
    "search_prompts",
    {
      title: "Search prompts",
      description: "Search the prompts you may read by words, category and tag. Returns slugs to use with get_prompt and render_prompt.",
      inputSchema: {
        query: searchQuerySchema.optional().describe("Words to look for in titles, tags, descriptions and bodies"),
        category: categorySchema.optional().describe("A category slug, e.g. writing or coding"),
        tag: tagFilterSchema.optional().describe("One tag"),
        limit: z.number().int().min(1, "must be at least 1").max(50, "is at most 50").optional().describe("How many results (default 10)"),
      },
      annotations: { readOnlyHint: true },
    },
    async (input) => json(await searchPromptsForTool(db, actor, input)),
  );

  mcp.registerTool(
    "get_prompt",
    {
      title: "Get a prompt",
      description: "A prompt's body, variables and model settings at one approved version (default: production).",
      inputSchema: { slug: slugField, version: versionField },
      annotations: { readOnlyHint: true },
    },
    async (input) => json(await getPromptForTool(db, actor, input, usage)),
  );

  mcp.registerTool(
    "render_prompt",
    {
      title: "Render a prompt",
      description: "Fill a prompt's {{variables}} and return the text. Variables without a default are required.",
      inputSchema: {
        slug: slugField,
        version: versionField,
        variables: z.record(z.string(), z.string()).default({}).describe("Values by variable name"),
      },
    },
    async (input) => {
      const rendered = await renderPromptForTool(db, actor, input, usage);
      return { content: [{ type: "text" as const, text: rendered.text }], structuredContent: rendered };
    },
  );

  return mcp;
}

function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const n = Number(cursor);
  if (!Number.isInteger(n) || n < 0) throw new McpRefusal(ErrorCode.InvalidParams, "cursor: is not a cursor prompts/list returned");
  return n;
}
