import { describe, expect, it } from "vitest";
import { downstreamResponseHeaders, promptuaryHeaders, providerSecrets, upstreamRequestHeaders } from "./forward-headers";

describe("forward headers", () => {
  it("forwards everything but hop-by-hop, host and x-promptuary-* headers", () => {
    const out = upstreamRequestHeaders({
      host: "localhost:3000",
      connection: "keep-alive, x-custom-hop",
      "keep-alive": "timeout=5",
      "transfer-encoding": "chunked",
      "x-custom-hop": "1",
      authorization: "Bearer sk-1",
      "x-api-key": "ak-1",
      "content-type": "application/json",
      "content-length": "12",
      "x-promptuary-key": "pq_x",
      "x-promptuary-user": "u",
      "openai-beta": "assistants=v2",
    });
    expect(out).toEqual({ authorization: "Bearer sk-1", "x-api-key": "ak-1", "content-type": "application/json", "content-length": "12", "openai-beta": "assistants=v2" });
  });

  it("keeps our metadata headers but never the key", () => {
    expect(promptuaryHeaders({ "x-promptuary-key": "pq_x", "x-promptuary-user": "u", authorization: "a" })).toEqual({ "x-promptuary-user": "u" });
  });

  it("lists provider credentials, with and without the Bearer prefix", () => {
    expect(providerSecrets({ authorization: "Bearer sk-abc", "x-api-key": "ak-def" })).toEqual(["Bearer sk-abc", "sk-abc", "ak-def"]);
  });

  it("relays response headers minus hop-by-hop ones, keeping case and repeats", () => {
    expect(downstreamResponseHeaders(["Content-Type", "text/event-stream", "Connection", "keep-alive", "Transfer-Encoding", "chunked", "Set-Cookie", "a=1", "Set-Cookie", "b=2", "x-request-id", "r1"])).toEqual([
      "Content-Type",
      "text/event-stream",
      "Set-Cookie",
      "a=1",
      "Set-Cookie",
      "b=2",
      "x-request-id",
      "r1",
    ]);
  });
});
