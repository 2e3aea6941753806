import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { formatMonth } from "@/components/prompts/format-date";
import { ArrowRightIcon } from "@/components/prompts/icons";
import { PromptGrid } from "@/components/prompts/prompt-grid";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { auth } from "@/server/auth/config";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 24;
type Params = { params: Promise<{ handle: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

const loadUser = cache(async (handle: string) => {
  const api = await serverApi();
  try {
    return await api.user.byHandle({ handle: handle.replace(/^(@|%40)/, "") });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const user = await loadUser((await params).handle);
  return { title: user.name ? `${user.name} (@${user.handle})` : `@${user.handle}`, description: user.bio || undefined };
}

export default async function ProfilePage({ params, searchParams }: Params) {
  const [{ handle }, sp] = await Promise.all([params, searchParams]);
  const user = await loadUser(handle);
  const cursor = (Array.isArray(sp.cursor) ? sp.cursor[0] : sp.cursor)?.slice(0, 200) || undefined;
  const api = await serverApi();
  const [session, prompts] = await Promise.all([
    auth(),
    api.prompt.list({ author: user.handle, limit: PAGE_SIZE, cursor }).catch((error: unknown) => {
      // An outdated cursor falls back to the first page.
      if (error instanceof TRPCError && cursor) return api.prompt.list({ author: user.handle, limit: PAGE_SIZE });
      throw error;
    }),
  ]);
  const isSelf = session?.user?.id === user.id;

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <header className="flex flex-col gap-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-xs sm:flex-row sm:items-start sm:p-8">
        <Avatar name={user.name} handle={user.handle} image={user.image} size={88} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h1 className="text-2xl font-bold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{user.name || `@${user.handle}`}</h1>
              {user.name ? <p className="text-slate-500">@{user.handle}</p> : null}
            </div>
            {isSelf ? (
              <div className="flex gap-2">
                <ButtonLink href="/settings" variant="secondary" size="sm">
                  Edit profile
                </ButtonLink>
                <ButtonLink href="/new" size="sm">
                  New prompt
                </ButtonLink>
              </div>
            ) : null}
          </div>
          {user.bio ? (
            <p className="mt-3 max-w-2xl whitespace-pre-line leading-relaxed text-slate-700">{user.bio}</p>
          ) : (
            <p className="mt-3 text-sm italic text-slate-400">{isSelf ? "You have not written a bio yet." : "No bio yet."}</p>
          )}
          {/* Follows and activity stats are planned; only real numbers are shown here. */}
          <dl className="mt-5 flex flex-wrap gap-x-8 gap-y-3 text-sm">
            <div>
              <dt className="text-slate-500">Prompts</dt>
              <dd className="text-lg font-semibold text-slate-900">{user.promptCount}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Member since</dt>
              <dd className="text-lg font-semibold text-slate-900">
                <time dateTime={new Date(user.createdAt).toISOString()}>{formatMonth(user.createdAt)}</time>
              </dd>
            </div>
          </dl>
        </div>
      </header>

      <section aria-labelledby="user-prompts-heading" className="mt-10">
        <h2 id="user-prompts-heading" className="text-lg font-semibold text-slate-900">
          {isSelf ? "Your prompts" : "Prompts"}
        </h2>
        <div className="mt-4">
          <PromptGrid
            prompts={prompts.items}
            label={`Prompts by @${user.handle}`}
            empty={
              <EmptyState
                title={cursor ? "No more prompts" : isSelf ? "You have not published a prompt yet" : `@${user.handle} has not published any prompts yet`}
                action={isSelf && !cursor ? <ButtonLink href="/new">Create a prompt</ButtonLink> : cursor ? <ButtonLink href={`/u/${user.handle}`} variant="secondary">Back to the first page</ButtonLink> : null}
              >
                {isSelf && !cursor ? "Write one, version it, and share it with others." : null}
              </EmptyState>
            }
          />
        </div>
        {cursor || prompts.nextCursor ? (
          <nav aria-label="Pagination" className="mt-8 flex items-center justify-between gap-4">
            {cursor ? (
              <ButtonLink href={`/u/${user.handle}`} variant="ghost">
                <span aria-hidden>←</span> First page
              </ButtonLink>
            ) : (
              <span />
            )}
            {prompts.nextCursor ? (
              <ButtonLink href={`/u/${user.handle}?cursor=${encodeURIComponent(prompts.nextCursor)}`} variant="secondary" rel="next">
                Next page
                <ArrowRightIcon />
              </ButtonLink>
            ) : null}
          </nav>
        ) : null}
      </section>
    </main>
  );
}
