import { CATEGORIES } from "@/shared/prompts/categories";

/** One <option> per category, for the category pickers (the creation form, Explore's filter). */
export function CategoryOptions() {
  return (
    <>
      {Object.entries(CATEGORIES).map(([slug, label]) => (
        <option key={slug} value={slug}>
          {label}
        </option>
      ))}
    </>
  );
}
