"use client";
import type { inferRouterOutputs } from "@trpc/server";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { DateTime } from "@/components/ui/date-time";
import { StarIcon } from "@/components/ui/icons";
import { Stars, formatStars } from "@/components/social/stars";
import { VerifiedPurchaseBadge } from "@/components/social/verified-purchase-badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Avatar } from "@/components/ui/avatar";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { fieldError, fieldErrorsOf } from "@/components/ui/field-errors";
import { LoadMore } from "@/components/ui/load-more";
import { plural } from "@/components/ui/plural";
import type { AppRouter } from "@/server/api/root";
import { REVIEW_MAX_LENGTH } from "@/shared/social/social-fields";
import { signInHref } from "@/shared/auth/sign-in-href";
import { useTRPC } from "@/trpc/react";
import { usePromptStats } from "./prompt-stats-context";
import { REVIEWS_PAGE_SIZE } from "./social-page-sizes";

export type RatingsPage = inferRouterOutputs<AppRouter>["social"]["ratings"];

const STAR_VALUES = [1, 2, 3, 4, 5] as const;
const starsLabel = (n: number) => plural(n, "star");

/** Average, distribution, the viewer's own rating form, and the reviews (newest first, "Load more"). */
export function RatingsSection({ promptId, slug, signedIn, isOwner, initialPage }: { promptId: string; slug: string; signedIn: boolean; isOwner: boolean; initialPage: RatingsPage }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.social.ratings.infiniteQueryOptions(
      { promptId, limit: REVIEWS_PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor, initialData: { pages: [initialPage], pageParams: [null] } },
    ),
  );
  const pages = query.data?.pages ?? [initialPage];
  const summary = pages[0];
  const reviews = pages.flatMap((p) => p.items);
  const total = summary.ratingCount;

  return (
    <section aria-labelledby="ratings-heading" id="ratings" className="scroll-mt-20">
      <h2 id="ratings-heading" className="text-lg font-semibold text-slate-900">
        Ratings
      </h2>

      <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,17rem)_minmax(0,1fr)]">
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
          <div className="flex items-center gap-3">
            <p className="text-4xl font-bold tracking-tight text-slate-900 tabular-nums">{summary.ratingAverage !== null ? formatStars(summary.ratingAverage) : "–"}</p>
            <div>
              <Stars value={summary.ratingAverage} size={18} />
              <p className="mt-0.5 text-sm text-slate-600">
                {total ? plural(total, "rating") : "No ratings yet"}
              </p>
            </div>
          </div>
          <ul className="mt-4 space-y-1.5" aria-label="Rating distribution">
            {[...STAR_VALUES].reverse().map((n) => {
              const count = summary.distribution[n];
              const pct = total ? Math.round((count / total) * 100) : 0;
              return (
                <li key={n} className="flex items-center gap-2 text-xs text-slate-600">
                  <span className="inline-flex w-7 shrink-0 items-center justify-end gap-0.5 tabular-nums" aria-hidden>
                    {n}
                    <StarIcon filled width={11} height={11} className="text-amber-400" />
                  </span>
                  <span aria-hidden className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100">
                    <span className="block h-full rounded-full bg-amber-400" style={{ width: `${pct}%` }} />
                  </span>
                  <span className="w-6 shrink-0 text-right tabular-nums" aria-hidden>
                    {count}
                  </span>
                  <span className="sr-only">
                    {starsLabel(n)}: {plural(count, "rating")}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>

        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
          <h3 className="text-sm font-semibold text-slate-900">Your rating</h3>
          {isOwner ? (
            <p className="mt-2 text-sm text-slate-600">You can&apos;t rate your own prompt. Ratings come from the people who use it.</p>
          ) : !signedIn ? (
            <div className="mt-2 space-y-3 text-sm text-slate-600">
              <p>Tried this prompt? Tell others how well it worked.</p>
              <ButtonLink href={signInHref(`/p/${slug}#ratings`)} variant="secondary" size="sm">
                Sign in to rate
              </ButtonLink>
            </div>
          ) : summary.cannotRateReason ? (
            <p className="mt-2 text-sm text-slate-600">{summary.cannotRateReason}</p>
          ) : (
            <RatingForm promptId={promptId} mine={summary.mine} />
          )}
        </div>
      </div>

      <div className="mt-6">
        <h3 className="text-sm font-semibold text-slate-900">Reviews</h3>
        {reviews.length ? (
          <>
            <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Reviews">
              {reviews.map((r) => (
                <li key={r.id} className="px-4 py-4 sm:px-5">
                  <article aria-label={`Rating by @${r.author.handle}`}>
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                      <Link href={`/u/${r.author.handle}`} className="flex items-center gap-2 rounded font-medium text-slate-800 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
                        <Avatar name={r.author.name} handle={r.author.handle} image={r.author.image} size={24} />@{r.author.handle}
                      </Link>
                      <Stars value={r.stars} size={14} />
                      {r.verifiedPurchase ? <VerifiedPurchaseBadge /> : null}
                      <DateTime value={r.updatedAt} className="text-xs text-slate-500" />
                    </div>
                    {r.review ? <p className="mt-2 whitespace-pre-wrap text-sm leading-relaxed text-slate-700 [overflow-wrap:anywhere]">{r.review}</p> : null}
                  </article>
                </li>
              ))}
            </ul>
            <LoadMore query={query} label="Load more reviews" failure="Could not load more reviews. Try again." className="mt-3" />
          </>
        ) : (
          <p className="mt-2 rounded-xl border border-dashed border-slate-300 bg-white/60 px-4 py-6 text-center text-sm text-slate-600">
            No reviews yet.{!isOwner ? " Be the first to rate this prompt." : ""}
          </p>
        )}
      </div>
    </section>
  );
}

/** Five star radios, an optional review, "Submit rating". Rating again edits the earlier rating. */
function RatingForm({ promptId, mine }: { promptId: string; mine: { stars: number; review: string } | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { update } = usePromptStats();
  const [stars, setStars] = useState<number | null>(mine?.stars ?? null);
  const [hover, setHover] = useState<number | null>(null);
  const [review, setReview] = useState(mine?.review ?? "");
  const [missingStars, setMissingStars] = useState(false);
  const [saved, setSaved] = useState(false);
  const rate = useMutation(
    trpc.social.rate.mutationOptions({
      onSuccess: async (r) => {
        update({ ratingAverage: r.ratingAverage, ratingCount: r.ratingCount });
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.social.ratings.pathKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(rate.error);
  const starsError = missingStars ? "Choose from 1 to 5 stars." : fieldError(errors, "stars", "Stars");
  const reviewError = fieldError(errors, "review", "Review");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!stars) {
      setMissingStars(true);
      return;
    }
    rate.mutate({ promptId, stars, review: review.trim() });
  };
  const shown = hover ?? stars ?? 0;

  return (
    <form onSubmit={submit} noValidate aria-label="Your rating" className="mt-2 space-y-3">
      {mine ? <p className="text-xs text-slate-500">You rated this {starsLabel(mine.stars)}. Submitting again updates your rating.</p> : null}
      <fieldset aria-describedby={starsError ? "rating-stars-error" : undefined} aria-invalid={starsError ? true : undefined}>
        <legend className="sr-only">Stars</legend>
        <div className="flex items-center gap-0.5" onMouseLeave={() => setHover(null)}>
          {STAR_VALUES.map((n) => (
            <label key={n} className="relative cursor-pointer rounded p-0.5" onMouseEnter={() => setHover(n)}>
              <input
                type="radio"
                name="stars"
                value={n}
                checked={stars === n}
                onChange={() => {
                  setStars(n);
                  setMissingStars(false);
                  setSaved(false);
                }}
                // Transparent over the star, so a click anywhere on it lands on the radio itself.
                className="peer absolute inset-0 m-0 h-full w-full cursor-pointer appearance-none opacity-0"
              />
              <StarIcon
                filled={n <= shown}
                width={28}
                height={28}
                className={`rounded transition peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-indigo-600 ${n <= shown ? "text-amber-400" : "text-slate-300 hover:text-amber-300"}`}
              />
              <span className="sr-only">{starsLabel(n)}</span>
            </label>
          ))}
          <span className="ml-2 text-sm text-slate-600" aria-hidden>
            {shown ? starsLabel(shown) : "Choose a rating"}
          </span>
        </div>
        {starsError ? (
          <p id="rating-stars-error" role="alert" className="mt-1 text-sm text-rose-600">
            {starsError}
          </p>
        ) : null}
      </fieldset>
      <Field
        label="Review"
        htmlFor="rating-review"
        error={reviewError}
        hint={
          <span className="flex justify-between gap-2">
            <span>Optional. What worked, what didn&apos;t?</span>
            <span className="tabular-nums">
              {review.length} / {REVIEW_MAX_LENGTH}
            </span>
          </span>
        }
      >
        <Textarea
          id="rating-review"
          rows={3}
          value={review}
          maxLength={REVIEW_MAX_LENGTH}
          onChange={(e) => {
            setReview(e.target.value);
            setSaved(false);
          }}
          aria-invalid={reviewError ? true : undefined}
          aria-describedby={reviewError ? "rating-review-error" : undefined}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={rate.isPending}>
          {rate.isPending ? "Saving…" : "Submit rating"}
        </Button>
        <p aria-live="polite" className="text-sm text-emerald-700">
          {saved && !rate.isPending ? (mine ? "Your rating is saved." : "Thanks! Your rating is saved.") : null}
        </p>
      </div>
      {rate.error && !starsError && !reviewError ? <Alert tone="error">{rate.error.message}</Alert> : null}
    </form>
  );
}
