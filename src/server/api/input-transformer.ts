// The API speaks superjson (README): an input travels as `{"json": …, "meta"?: …}`. A client set up
// without the transformer sends its input bare, which superjson reads as no input at all: a
// procedure whose input is optional then ran as if asked nothing (a search without its words, a
// list without its filters) and answered 200. Such an input is refused, saying what to send.
import type { CombinedDataTransformer } from "@trpc/server";
import superjson from "superjson";

export const NOT_SUPERJSON_MESSAGE =
  'input: not in the API\'s encoding. Send it as superjson writes it, {"json": <your input>} (the tRPC client\'s transformer: superjson; see the README)';

/** `{"json": …}` with an optional `meta`, or `{}` (how superjson writes an absent input). */
function isSuperjsonPayload(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.every((key) => key === "json" || key === "meta") && (keys.length === 0 || keys.includes("json"));
}

export const apiTransformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (value: unknown) => {
      // tRPC answers what this throws as a 400 with its message.
      if (!isSuperjsonPayload(value)) throw new Error(NOT_SUPERJSON_MESSAGE);
      return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]);
    },
  },
  output: superjson,
} satisfies CombinedDataTransformer;
