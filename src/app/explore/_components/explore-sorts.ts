// The orders Explore offers, in words, and the rule behind "Top rated" with its real constants.
import { RATING_PRIOR_COUNT, RATING_PRIOR_MEAN } from "@/shared/social/rating-score";
import type { ExploreMode, ExploreSort } from "./explore-href";

/** "" (no sort parameter) is relevance with a query and newest without. */
export const EXPLORE_SORT_LABELS: Record<ExploreSort, string> = { newest: "Newest", top_rated: "Top rated", most_liked: "Most liked", trending: "Trending" };

/** How a query matches besides words (no mode parameter: words, full-text search). */
export const EXPLORE_MODE_LABELS: Record<ExploreMode, string> = { semantic: "Meaning", hybrid: "Words and meaning" };

/** How Top rated ranks, stated with the numbers the rating code uses (shared/social/rating-score.ts). */
export const TOP_RATED_RULE =
  `Top rated ranks by a Bayesian average: each prompt's ratings plus ${RATING_PRIOR_COUNT} imaginary ${RATING_PRIOR_MEAN}-star ratings, ` +
  `score = (sum of stars + ${RATING_PRIOR_COUNT} × ${RATING_PRIOR_MEAN}) ÷ (number of ratings + ${RATING_PRIOR_COUNT}). ` +
  `So a few ratings count less than many: 4.8 ★ from 4 ratings scores lower than 4.6 ★ from 20.`;
