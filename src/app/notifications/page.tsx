import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { NOTIFICATIONS_PAGE_SIZE } from "@/components/notifications/page-size";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstParam } from "../_components/search-params";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const unreadOnly = firstParam((await searchParams).filter) === "unread";
  await requireSignedIn(unreadOnly ? "/notifications?filter=unread" : "/notifications");
  const api = await serverApi();
  const firstPage = await api.notification.list({ limit: NOTIFICATIONS_PAGE_SIZE, unreadOnly });
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`;

  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Notifications</h1>
      <p className="mt-1.5 text-sm text-slate-600">Replies, comments, ratings, forks, new followers and sales of your work.</p>
      <nav aria-label="Filter notifications" className="mb-5 mt-6 flex gap-2">
        <Link href="/notifications" className={tab(!unreadOnly)} aria-current={!unreadOnly ? "page" : undefined}>All</Link>
        <Link href="/notifications?filter=unread" className={tab(unreadOnly)} aria-current={unreadOnly ? "page" : undefined}>Unread</Link>
      </nav>
      <NotificationList key={unreadOnly ? "unread" : "all"} initialPage={firstPage} unreadOnly={unreadOnly} />
    </main>
  );
}
