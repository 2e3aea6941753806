// Believable community activity for the demo catalogue (likes, ratings with reviews, comments,
// follows), made through the same domain functions as real users, from a fixed random seed.
import type { Db } from "@/server/db/prisma";
import type { Actor } from "@/server/domain/actor";
import { followUser } from "@/server/domain/follows/follows";
import { addComment } from "@/server/domain/social/comments";
import { likePrompt } from "@/server/domain/social/likes";
import { ratePrompt } from "@/server/domain/social/ratings";

/** mulberry32: small, fast, deterministic. */
export function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each review is written once: a demo where every prompt shows the same sentence reads as fake. */
const REVIEWS = [
  "Saved me an hour on the first try.",
  "Clear structure; the output format is exactly what our pipeline needed.",
  "Good starting point, I tweaked the tone variable a lot.",
  "Works well with both GPT-4o and Claude.",
  "The constraints section is what makes this one reliable.",
  "Does one thing and does it well. The defaults are sensible.",
  "I would add an example or two, but it already beats what I had.",
  "Output is consistent across runs, which is all I ask.",
  "Used it for a week at work; my team forked it the same day.",
  "A bit long for small models, fine on the big ones.",
  "The variables are named so well I did not need the description.",
  "Solid. I lowered the temperature and it got even steadier.",
  "Exactly the level of detail I wanted, no fluff.",
  "Helpful, though it sometimes ignores the word limit.",
  "My go-to now. The version history shows real care.",
  "Simple, and the results need very little editing.",
  "Nice balance between strict format and natural tone.",
  "Handles messy input better than I expected.",
  "Works, but I had to rephrase the audience variable for my case.",
  "Great for first drafts; I still edit the ending.",
  "Clear instructions make the model stop rambling.",
  "Tried three similar prompts; this one was the most predictable.",
  "The checklist at the end catches the mistakes I used to miss.",
  "Short enough to read in full before trusting it. Appreciated.",
  "Fine for English, needs work for other languages.",
  "Turned a tedious weekly task into a two-minute one.",
  "Good bones. The latest version fixed my only complaint.",
  "Reliable with long inputs, which surprised me.",
];
/** Comments with the replies that answer them: a reply only ever goes under its own question. */
export const THREADS: { comment: string; replies: string[] }[] = [
  { comment: "Has anyone tried this with a smaller model? Curious how it holds up.", replies: ["Yes, it works fine with gpt-4o-mini if you lower the temperature.", "On Llama 3 8B it loses the output format now and then; the larger models are fine."] },
  { comment: "I added a line asking for sources and it got noticeably better.", replies: ["Good idea, I'll fork it and try that.", "Same experience here: asking for sources also cut down the made-up details."] },
  { comment: "The JSON output in the latest version is a great change.", replies: ["Agreed, we parse it directly now without a cleanup step.", "Agreed, and the field names are much easier to map now."] },
  { comment: "Would love a variant for non-technical audiences.", replies: ["Try setting the audience variable to \"executives\"; it drops most of the jargon.", "Same here, a plain-language fork would be great."] },
];
export async function seedActivity(db: Db, users: Actor[]) {
  const rand = random(20261122);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const unusedReviews = [...REVIEWS];
  /** A review not used elsewhere, for about a third of ratings; the rest are stars only. */
  const nextReview = () => (unusedReviews.length && rand() < 0.35 ? unusedReviews.splice(Math.floor(rand() * unusedReviews.length), 1)[0] : "");
  const prompts = await db.prompt.findMany({ where: { visibility: "public" }, select: { id: true, ownerId: true }, orderBy: { createdAt: "asc" } });

  for (const user of users) {
    const others = users.filter((u) => u.id !== user.id);
    const count = 2 + Math.floor(rand() * 5);
    for (let i = 0; i < count; i++) await followUser(db, user, pick(others).handle);
  }

  for (const prompt of prompts) {
    const audience = users.filter((u) => u.id !== prompt.ownerId).sort(() => rand() - 0.5);
    const popularity = rand();
    const likes = Math.floor(popularity * popularity * audience.length);
    for (const fan of audience.slice(0, likes)) await likePrompt(db, fan, prompt.id);
    const raters = Math.floor(popularity * 6);
    for (const rater of audience.slice(0, raters)) {
      await ratePrompt(db, rater, { promptId: prompt.id, stars: Math.min(5, 3 + Math.floor(rand() * 3) + (popularity > 0.7 ? 1 : 0)), review: nextReview() });
    }
    if (rand() < 0.3) {
      const thread = pick(THREADS);
      const top = await addComment(db, audience[0], { promptId: prompt.id, body: thread.comment });
      if (rand() < 0.6) await addComment(db, audience[1], { promptId: prompt.id, body: pick(thread.replies), parentId: top.id });
    }
  }
}
