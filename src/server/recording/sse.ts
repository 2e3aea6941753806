// Server-sent events parsed from a captured stream body (text/event-stream), for record building.
export type SseEvent = { event: string | null; data: string };

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  let event: string | null = null;
  let data: string[] = [];
  const dispatch = () => {
    if (data.length) events.push({ event, data: data.join("\n") });
    event = null;
    data = [];
  };
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    if (rawLine === "") {
      dispatch();
      continue;
    }
    if (rawLine.startsWith(":")) continue;
    const colon = rawLine.indexOf(":");
    const field = colon === -1 ? rawLine : rawLine.slice(0, colon);
    let value = colon === -1 ? "" : rawLine.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  dispatch();
  return events;
}

/** The JSON payloads of a stream, skipping `[DONE]` and anything unparseable (a truncated tail). */
export function sseJsonPayloads(text: string): { event: string | null; json: Record<string, unknown> }[] {
  const out: { event: string | null; json: Record<string, unknown> }[] = [];
  for (const e of parseSse(text)) {
    if (e.data === "[DONE]") continue;
    try {
      const json: unknown = JSON.parse(e.data);
      if (json && typeof json === "object" && !Array.isArray(json)) out.push({ event: e.event, json: json as Record<string, unknown> });
    } catch {
      // truncated or non-JSON event: ignored
    }
  }
  return out;
}
