// Comment and review limits as the API validates them and as the forms count them.
import { z } from "zod";
import { visibleText } from "../text/visible-text";

export const COMMENT_MAX_LENGTH = 5000;
export const REVIEW_MAX_LENGTH = 2000;

export const starsSchema = z
  .number({ error: "must be a whole number from 1 to 5" })
  .int("must be a whole number from 1 to 5")
  .min(1, "must be at least 1")
  .max(5, "must be at most 5");
export const reviewSchema = visibleText(z.string().trim().max(REVIEW_MAX_LENGTH, `is at most ${REVIEW_MAX_LENGTH} characters`));
export const commentBodySchema = visibleText(z.string().trim().min(1, "cannot be empty").max(COMMENT_MAX_LENGTH, `is at most ${COMMENT_MAX_LENGTH} characters`));
