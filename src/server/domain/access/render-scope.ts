// One page render (src/trpc/server.ts) only reads, and asks several procedures about the same
// things: a prompt page asks six of them about one prompt, each of which checks the prompt may be
// read and may ask what widens the viewer's view (viewer-reach.ts). For a render's viewer such a
// read is asked once. Keyed by the viewer object, which lives as long as its render; viewers that
// may write, or outlive a request (an API key's), are never marked and always ask.
import "server-only";
import type { Viewer } from "../actor";

const renders = new WeakMap<NonNullable<Viewer>, Map<string, Promise<unknown>>>();

/** Marks `viewer` (a page render's, never one that writes) as one whose reads through `oncePerRender` are asked once. */
export function readOncePerRender(viewer: NonNullable<Viewer>): void {
  renders.set(viewer, new Map());
}

/** `read()`, asked once per `key` for a marked viewer (the same promise for every caller); for anyone else, every time. */
export function oncePerRender<T>(viewer: Viewer, key: string, read: () => Promise<T>): Promise<T> {
  const reads = viewer ? renders.get(viewer) : undefined;
  if (!reads) return read();
  let held = reads.get(key) as Promise<T> | undefined;
  if (!held) {
    held = read();
    reads.set(key, held);
  }
  return held;
}
