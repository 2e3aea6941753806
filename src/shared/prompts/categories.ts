/** The catalogue's categories: slug → label. A prompt's `category` is one of these slugs. */
export const CATEGORIES = {
  writing: "Writing",
  coding: "Coding",
  marketing: "Marketing",
  data: "Data & Analysis",
  support: "Customer Support",
  education: "Education",
  productivity: "Productivity",
  "image-generation": "Image Generation",
  research: "Research",
  agents: "Agents & Tools",
} as const;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_SLUGS = Object.keys(CATEGORIES) as [Category, ...Category[]];
export const categoryLabel = (slug: string) => (CATEGORIES as Record<string, string>)[slug] ?? slug;
