// The "Top rated" rule, declared once: the rating update (domain/social/ratings.ts) computes
// Prompt.ratingScore with these constants and the explore page explains them with the same numbers.

/** How many imaginary ratings every prompt starts with. */
export const RATING_PRIOR_COUNT = 3;
/** The stars each imaginary rating gives (the middle of the 1–5 scale). */
export const RATING_PRIOR_MEAN = 3;

/**
 * Bayesian average: the prompt's ratings plus RATING_PRIOR_COUNT imaginary RATING_PRIOR_MEAN-star
 * ratings, so a few ratings count less than many (4.8 from 4 ratings ranks below 4.6 from 20).
 */
export const ratingScore = (ratingSum: number, ratingCount: number) => (ratingSum + RATING_PRIOR_COUNT * RATING_PRIOR_MEAN) / (ratingCount + RATING_PRIOR_COUNT);
