"use client";
// The header's bell: the unread count, kept fresh by refetching on focus and every minute, linking
// to /notifications (where marking read refreshes this count through the shared query cache).
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { BellIcon } from "./bell-icon";
import { badgeText, bellLabel } from "./unread-label";

const UNREAD_REFRESH_MS = 60_000;

export function NotificationBell() {
  const trpc = useTRPC();
  const unread = useQuery(
    trpc.notification.unreadCount.queryOptions(undefined, { refetchInterval: UNREAD_REFRESH_MS, refetchOnWindowFocus: true, staleTime: 10_000 }),
  );
  const count = unread.data?.count;
  return (
    <Link
      href="/notifications"
      aria-label={bellLabel(count)}
      title={bellLabel(count)}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      <BellIcon />
      {count ? (
        <span aria-hidden className="absolute -right-0.5 -top-0.5 inline-flex min-w-[1.15rem] items-center justify-center rounded-full bg-rose-600 px-1 text-[0.68rem] font-semibold leading-[1.15rem] text-white ring-2 ring-white">
          {badgeText(count)}
        </span>
      ) : null}
    </Link>
  );
}
