import type { Category } from "@/shared/prompts/categories";

export type SeedUser = {
  handle: string; // lowercase, [a-z0-9-], 3-30 chars, unique
  name: string;
  email: string; // unique, @example.com
  bio: string;
  image?: string; // avatar URL; leave undefined (the UI draws initials)
  role?: "user" | "admin";
};

export type SeedVersion = {
  /** Prompt text with {{variable}} slots; `{{name|default value}}` gives a default. */
  body: string;
  changelog: string;
};

export type SeedPrompt = {
  slug: string; // unique, lowercase kebab-case
  ownerHandle: string;
  title: string;
  description: string;
  category: Category;
  tags: string[]; // lowercase, 1-6 per prompt
  visibility?: "public" | "unlisted" | "private";
  /** Oldest first; version numbers are 1..n in this order. */
  versions: SeedVersion[];
  /** Version number the `production` label points at (defaults to none). */
  productionVersion?: number;
  /** This prompt is a fork of another seed prompt's version (that prompt must appear earlier in the list). */
  forkOf?: { slug: string; version: number };
  /** Model settings stored on every version, e.g. { model: "gpt-4o-mini", temperature: 0.7 } */
  modelSettings?: Record<string, unknown>;
};
