// The text of one provider message's `content`: a string, or an array of parts with `text`
// (OpenAI's text / input_text, Anthropic's text blocks). Shared by the recorder, which builds a
// capture's prompt text, and by prompt identity, which reads the stored request body.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === "string" ? part : isObject(part) && typeof part.text === "string" ? part.text : ""))
      .filter(Boolean)
      .join("\n");
  }
  return "";
}
