// Who an event's "person" is, for counting distinct people (rollups' `actors`, trending's floors):
// a signed-in user is themselves; every anonymous visitor together is ONE person. An anonymous
// visitor's viewer key (address + user agent) is good enough to de-duplicate reloads, but anyone can
// mint new ones by changing the user agent, so counting them as people would let one client put a
// prompt on top of Trending. Machine events (an API key with no user, no viewer key) are nobody.
import "server-only";
import { Prisma } from "@/generated/prisma/client";

export function personSql(alias?: string): Prisma.Sql {
  const col = (name: string) => Prisma.raw(alias ? `${alias}."${name}"` : `"${name}"`);
  return Prisma.sql`COALESCE(${col("actorId")}, CASE WHEN ${col("viewerKey")} IS NOT NULL THEN 'anonymous' END)`;
}
