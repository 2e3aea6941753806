// A model provider stand-in on loopback for harness tests, e2e journeys and benchmarks. It speaks
// OpenAI's chat completions and model list (also what OpenAI-compatible servers speak) and
// Anthropic's messages and model list, plain and streamed, with usage the way each provider sends
// it. What a model answers is decided by `behave(model, prompt)`; the default is deterministic and
// steered by the model's name so a browser test can pick behaviours from the model picker:
//   slow-*      waits `slowMs` before the first token       broken-*   answers 500 with an error body
//   nousage-*   sends no usage (tokens must be estimated)    json-*     answers a JSON object
//   plain-*     answers one JSON body even when asked to stream
// Every other model answers "<model> says: <the prompt's first words>" one word per chunk.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ModelBehaviour = {
  text: string;
  /** Wait before the first byte of the answer. */
  delayMs?: number;
  /** Wait between streamed chunks. */
  chunkDelayMs?: number;
  /** Omit usage from the answer. */
  noUsage?: boolean;
  /** Answer with one JSON body even when a stream was asked for, as some compatible servers do. */
  ignoreStream?: boolean;
  /** Answer with this HTTP status and an error body instead. */
  errorStatus?: number;
  /** The error body's message (default: a generic one per status). */
  errorMessage?: string;
};

export type FakeModelRequest = { path: string; model: string; prompt: string; system: string | null; stream: boolean; body: Record<string, unknown>; headers: IncomingMessage["headers"] };

/** A model-list request (GET …/models): where it went and with which headers (to check keys were sent). */
export type FakeListRequest = { path: string; anthropic: boolean; headers: IncomingMessage["headers"] };

export type FakeModelProviderOptions = {
  port?: number;
  openaiModels?: string[];
  anthropicModels?: string[];
  /** Wait before the first token of slow-* models (default 5000 ms). */
  slowMs?: number;
  /** Wait before every answer (default 0), e.g. 20 ms for benchmarks. */
  latencyMs?: number;
  behave?: (model: string, prompt: string, request: FakeModelRequest) => ModelBehaviour;
};

export const DEFAULT_OPENAI_MODELS = ["gpt-4o-mini", "gpt-4.1-nano", "slow-model", "broken-model", "nousage-model", "json-model"];
export const DEFAULT_ANTHROPIC_MODELS = ["claude-3-5-haiku-latest", "claude-sonnet-4-5"];

/** About four characters per token, as the app's own estimate, so tests can predict usage. */
const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));
const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

export function defaultBehaviour(model: string, prompt: string, opts: { slowMs: number }): ModelBehaviour {
  const words = prompt.split(/\s+/).filter(Boolean).slice(0, 8).join(" ");
  if (model.startsWith("broken")) return { text: "", errorStatus: 500 };
  if (model.startsWith("slow")) return { text: `${model} says: ${words}`, delayMs: opts.slowMs };
  if (model.startsWith("json")) return { text: JSON.stringify({ model, answer: words, ok: true }) };
  if (model.startsWith("nousage")) return { text: `${model} says: ${words}`, noUsage: true };
  if (model.startsWith("plain")) return { text: `${model} says: ${words}`, ignoreStream: true };
  return { text: `${model} says: ${words}` };
}

/** Splits an answer into streamed pieces: one word (with its following space) per chunk. */
export function chunksOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
  });
}

type Message = { role: string; content: unknown };
const contentText = (content: unknown): string =>
  typeof content === "string" ? content : Array.isArray(content) ? content.map((p) => (typeof p === "object" && p && "text" in p ? String(p.text) : "")).join("") : "";

function sse(res: ServerResponse) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
}

export async function startFakeModelProvider(options: FakeModelProviderOptions = {}) {
  const openaiModels = options.openaiModels ?? DEFAULT_OPENAI_MODELS;
  const anthropicModels = options.anthropicModels ?? DEFAULT_ANTHROPIC_MODELS;
  const slowMs = options.slowMs ?? 5000;
  const requests: FakeModelRequest[] = [];
  const listRequests: FakeListRequest[] = [];
  let behave = options.behave ?? ((model: string, prompt: string) => defaultBehaviour(model, prompt, { slowMs }));
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer(async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    const isAnthropic = Boolean(req.headers["anthropic-version"]);
    if (req.method === "GET" && path.endsWith("/models")) {
      listRequests.push({ path, anthropic: isAnthropic, headers: req.headers });
      res.writeHead(200, { "content-type": "application/json" });
      if (isAnthropic) {
        const data = anthropicModels.map((id) => ({ type: "model", id, display_name: id, created_at: "2025-01-01T00:00:00Z" }));
        res.end(JSON.stringify({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }));
      } else {
        res.end(JSON.stringify({ object: "list", data: openaiModels.map((id) => ({ id, object: "model", created: 1735689600, owned_by: "fake" })) }));
      }
      return;
    }
    if (req.method !== "POST" || !(path.endsWith("/chat/completions") || path.endsWith("/messages"))) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${path}`, type: "not_found" } }));
      return;
    }
    const raw = await readBody(req);
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    const model = String(body.model ?? "");
    const messages = (body.messages as Message[] | undefined) ?? [];
    const anthropic = path.endsWith("/messages");
    const system = anthropic ? (body.system === undefined ? null : contentText(body.system)) : contentText(messages.find((m) => m.role === "system")?.content ?? "") || null;
    const prompt = messages.filter((m) => m.role === "user").map((m) => contentText(m.content)).join("\n");
    const request: FakeModelRequest = { path, model, prompt, system, stream: body.stream === true, body, headers: req.headers };
    requests.push(request);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const known = anthropic ? anthropicModels : openaiModels;
      const b = known.includes(model) ? behave(model, prompt, request) : { text: "", errorStatus: 404 };
      await sleep((options.latencyMs ?? 0) + (b.delayMs ?? 0));
      if (b.errorStatus) {
        res.writeHead(b.errorStatus, { "content-type": "application/json" });
        const message = b.errorMessage ?? (b.errorStatus === 404 ? `The model \`${model}\` does not exist` : "The server had an error while processing your request");
        res.end(JSON.stringify(anthropic ? { type: "error", error: { type: b.errorStatus === 404 ? "not_found_error" : "api_error", message } } : { error: { message, type: "server_error" } }));
        return;
      }
      const input = tokens(`${system ?? ""}${prompt}`);
      const output = tokens(b.text);
      const chunks = chunksOf(b.text);
      if (anthropic) await answerAnthropic(res, { model, text: b.text, chunks, input, output, stream: request.stream && !b.ignoreStream, noUsage: b.noUsage, chunkDelayMs: b.chunkDelayMs ?? 0 });
      else await answerOpenAI(res, { model, text: b.text, chunks, input, output, stream: request.stream && !b.ignoreStream, noUsage: b.noUsage, chunkDelayMs: b.chunkDelayMs ?? 0, includeUsage: Boolean((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) });
    } finally {
      inFlight--;
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    /** The /v1 root, as OPENAI_BASE_URL and ANTHROPIC_BASE_URL name it. */
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Model-list requests, kept apart so counts of model calls stay what they were. */
    listRequests,
    /** Most requests answered at the same time so far (to check concurrency limits). */
    maxInFlight: () => maxInFlight,
    setBehaviour(next: (model: string, prompt: string, request: FakeModelRequest) => ModelBehaviour) {
      behave = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Answer = { model: string; text: string; chunks: string[]; input: number; output: number; stream: boolean; noUsage?: boolean; chunkDelayMs: number };

async function answerOpenAI(res: ServerResponse, a: Answer & { includeUsage: boolean }) {
  const id = `chatcmpl-fake-${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = { prompt_tokens: a.input, completion_tokens: a.output, total_tokens: a.input + a.output };
  if (!a.stream) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id,
        object: "chat.completion",
        created,
        model: a.model,
        choices: [{ index: 0, message: { role: "assistant", content: a.text }, finish_reason: "stop" }],
        ...(a.noUsage ? {} : { usage }),
      }),
    );
    return;
  }
  sse(res);
  const chunk = (delta: object, finish: string | null) => ({ id, object: "chat.completion.chunk", created, model: a.model, choices: [{ index: 0, delta, finish_reason: finish }] });
  res.write(`data: ${JSON.stringify(chunk({ role: "assistant", content: "" }, null))}\n\n`);
  for (const piece of a.chunks) {
    res.write(`data: ${JSON.stringify(chunk({ content: piece }, null))}\n\n`);
    await sleep(a.chunkDelayMs);
  }
  res.write(`data: ${JSON.stringify(chunk({}, "stop"))}\n\n`);
  if (a.includeUsage && !a.noUsage) res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: a.model, choices: [], usage })}\n\n`);
  res.write("data: [DONE]\n\n");
  res.end();
}

async function answerAnthropic(res: ServerResponse, a: Answer) {
  const id = `msg_fake_${Date.now()}`;
  const usageIn = a.noUsage ? undefined : { input_tokens: a.input, output_tokens: 1 };
  if (!a.stream) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id,
        type: "message",
        role: "assistant",
        model: a.model,
        content: [{ type: "text", text: a.text }],
        stop_reason: "end_turn",
        stop_sequence: null,
        ...(a.noUsage ? {} : { usage: { input_tokens: a.input, output_tokens: a.output } }),
      }),
    );
    return;
  }
  sse(res);
  const event = (name: string, data: object) => res.write(`event: ${name}\ndata: ${JSON.stringify({ type: name, ...data })}\n\n`);
  event("message_start", { message: { id, type: "message", role: "assistant", model: a.model, content: [], stop_reason: null, stop_sequence: null, ...(usageIn ? { usage: usageIn } : {}) } });
  event("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
  for (const piece of a.chunks) {
    event("content_block_delta", { index: 0, delta: { type: "text_delta", text: piece } });
    await sleep(a.chunkDelayMs);
  }
  event("content_block_stop", { index: 0 });
  event("message_delta", { delta: { stop_reason: "end_turn", stop_sequence: null }, ...(a.noUsage ? {} : { usage: { output_tokens: a.output } }) });
  event("message_stop", {});
  res.end();
}
