import { UnauthorizedError } from "./errors";

/** Who is calling: a signed-in user (session or API key), or null for anonymous reads. */
export type Actor = { id: string; handle: string; role: "user" | "admin" };
export type Viewer = Actor | null;

export function requireActor(viewer: Viewer): Actor {
  if (!viewer) throw new UnauthorizedError();
  return viewer;
}

export const isAdmin = (viewer: Viewer) => viewer?.role === "admin";
