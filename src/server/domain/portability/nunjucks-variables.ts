// promptfoo's prompts are Nunjucks templates; Promptuary fills `{{name}}` and `{{name|default}}`
// slots only. `{{ name | default("x") }}` becomes `{{name|x}}`; any other filter is dropped (the
// slot stays) and reported; `{% … %}` tags and `{# … #}` comments stay as text and are reported.
// Expressions that are not a plain name (`{{ a.b }}`) are left for the body's own check to refuse.

const SLOT_WITH_FILTERS = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*((?:\|\s*[A-Za-z_][A-Za-z0-9_]*\s*(?:\([^)]*\))?\s*)+)\}\}/g;
const FILTER = /\|\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?/g;
const DEFAULT_ARGUMENT = /^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*$/;

export function convertNunjucks(template: string): { body: string; warnings: string[] } {
  const warnings = new Set<string>();
  const body = template.replace(SLOT_WITH_FILTERS, (whole, name: string, filters: string) => {
    let fallback: string | undefined;
    for (const [, filter, args] of filters.matchAll(FILTER)) {
      const literal = filter === "default" || filter === "d" ? args?.match(DEFAULT_ARGUMENT) : null;
      if (literal && fallback === undefined && !/[{}]/.test(literal[1] ?? literal[2])) fallback = (literal[1] ?? literal[2]).replace(/\\(.)/g, "$1");
      else warnings.add(`the Nunjucks filter "${filter}" on {{${name}}} is not applied by Promptuary; dropped`);
    }
    return fallback === undefined ? `{{${name}}}` : `{{${name}|${fallback}}}`;
  });
  if (/\{%[\s\S]*?%\}/.test(body)) warnings.add("Nunjucks tags ({% … %}) are kept as text: Promptuary fills {{variables}} only");
  if (/\{#[\s\S]*?#\}/.test(body)) warnings.add("Nunjucks comments ({# … #}) are kept as text");
  return { body, warnings: [...warnings] };
}
