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

const REVIEWS = [
  "Saved me an hour on the first try.",
  "Clear structure; the output format is exactly what our pipeline needed.",
  "Good starting point, I tweaked the tone variable a lot.",
  "Works well with both GPT-4o and Claude.",
  "The constraints section is what makes this one reliable.",
  "",
  "",
];
const COMMENTS = [
  "Has anyone tried this with a smaller model? Curious how it holds up.",
  "I added a line asking for sources and it got noticeably better.",
  "The JSON output in the latest version is a great change.",
  "Would love a variant for non-technical audiences.",
];
const REPLIES = ["Yes, it works fine with gpt-4o-mini if you lower the temperature.", "Good idea, I'll fork it and try that.", "Same here, thanks for sharing."];

export async function seedActivity(db: Db, users: Actor[]) {
  const rand = random(20261122);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
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
      await ratePrompt(db, rater, { promptId: prompt.id, stars: Math.min(5, 3 + Math.floor(rand() * 3) + (popularity > 0.7 ? 1 : 0)), review: pick(REVIEWS) });
    }
    if (rand() < 0.3) {
      const top = await addComment(db, audience[0], { promptId: prompt.id, body: pick(COMMENTS) });
      if (rand() < 0.6) await addComment(db, audience[1], { promptId: prompt.id, body: pick(REPLIES), parentId: top.id });
    }
  }
}
