// A loopback stand-in for OpenAI's chat completions (the server's OPENAI_BASE_URL points at it in
// e2e runs): every call gets one assistant message and its token usage, whatever it asked.
import { createServer, type Server } from "node:http";

export async function startFakeChatUpstream(port: number, reply: { content: string; promptTokens: number; completionTokens: number }): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-e2e",
          object: "chat.completion",
          created: 1,
          model: "gpt-4o-mini",
          choices: [{ index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" }],
          usage: { prompt_tokens: reply.promptTokens, completion_tokens: reply.completionTokens, total_tokens: reply.promptTokens + reply.completionTokens },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

export const stopServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
