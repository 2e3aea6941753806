// Captured prompt texts carry each message's role ("user: …", parse-request.ts). A text that is one
// user message and nothing else reads better, and renders as what clients really send, without it:
// promoting such a text (or a template of such texts) to the library drops the prefix. Texts with
// instructions or several turns keep their roles, which show the conversation's shape.
const ROLE_LINE = /(^|\n\n)(system|developer|user|assistant|tool|function): /g;

export function withoutLoneUserRole(text: string): string {
  if (!text.startsWith("user: ")) return text;
  const roles = text.match(ROLE_LINE) ?? [];
  return roles.length === 1 ? text.slice("user: ".length) : text;
}
