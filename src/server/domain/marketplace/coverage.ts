// What a license covers, in words buyers read (pure: safe to import anywhere).

export const COVERAGE_RULES: Record<"purchased_and_later" | "purchased_only", string> = {
  purchased_and_later: "Covers the version current when you buy and every later version the author publishes.",
  purchased_only: "Covers only the version current when you buy; later versions need a new license.",
};
