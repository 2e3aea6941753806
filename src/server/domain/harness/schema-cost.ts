// How much work a JSON Schema can make its validator do per value: the number of schema nodes it
// expands to once every local $ref is followed. A schema of a few KB whose definitions each refer
// twice to the one before expands to millions of nodes (2^depth) and would stall or crash the
// server on validation; such schemas, and $ref cycles that never consume data ({"$ref":"#"}), are
// refused before anything runs. Recursion is not supported at all: a cycle is refused wherever it is.
type Json = unknown;

export const MAX_SCHEMA_EXPANSION = 2_000;

export type SchemaCost = { nodes: number } | { error: string };

function pointerTarget(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#")) return undefined;
  const path = ref.slice(1);
  if (path === "") return root;
  if (!path.startsWith("/")) return undefined; // "#anchor": left to the validator
  let node: Json = root;
  for (const raw of path.slice(1).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, Json>)[key];
  }
  return node;
}

export function schemaCost(root: Json): SchemaCost {
  const memo = new Map<Json, number>();
  const inProgress = new Set<Json>();
  let cycle = false;
  const cost = (node: Json): number => {
    if (node === null || typeof node !== "object") return 1;
    const hit = memo.get(node);
    if (hit !== undefined) return hit;
    if (inProgress.has(node)) {
      cycle = true;
      return Infinity;
    }
    inProgress.add(node);
    let total = 1;
    for (const [key, child] of Object.entries(node as Record<string, Json>)) {
      if (key === "$ref" && typeof child === "string") {
        const target = pointerTarget(root, child);
        total += target === undefined ? 1 : cost(target);
      } else if (key !== "enum" && key !== "const" && key !== "examples" && key !== "default") total += cost(child);
      if (total > MAX_SCHEMA_EXPANSION) break;
    }
    inProgress.delete(node);
    memo.set(node, total);
    return total;
  };
  const nodes = cost(root);
  if (cycle) return { error: "refers to itself ($ref cycle): recursive schemas are not supported" };
  if (nodes > MAX_SCHEMA_EXPANSION) return { error: `is too complex: with its $refs followed it has more than ${MAX_SCHEMA_EXPANSION} parts` };
  return { nodes };
}
