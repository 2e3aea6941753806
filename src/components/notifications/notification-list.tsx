"use client";
// The /notifications list: pages newest first, marks one or all read, and refreshes the bell's count.
import { useState } from "react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { NotificationItem } from "./notification-item";
import { NOTIFICATIONS_PAGE_SIZE } from "./page-size";


type Page = inferRouterOutputs<AppRouter>["notification"]["list"];

export function NotificationList({ initialPage, unreadOnly }: { initialPage: Page; unreadOnly: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions(
      { limit: NOTIFICATIONS_PAGE_SIZE, unreadOnly },
      { getNextPageParam: (last) => last.nextCursor, initialData: { pages: [initialPage], pageParams: [null] } },
    ),
  );
  const items = (query.data?.pages ?? [initialPage]).flatMap((p) => p.items);
  const [markingId, setMarkingId] = useState<string | null>(null);
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(trpc.notification.unreadCount.queryKey(), { count: result.count });
        void queryClient.invalidateQueries({ queryKey: trpc.notification.list.pathKey() });
      },
      onSettled: () => setMarkingId(null),
    }),
  );
  // The same count as the bell's: all unread notifications, not only those loaded on this page.
  const unreadCount = useQuery(trpc.notification.unreadCount.queryOptions(undefined, { staleTime: 10_000 }));
  const unreadHere = unreadCount.data?.count ?? items.filter((n) => !n.readAt).length;

  return (
    <div>
      <div className="mb-3 flex items-center justify-between gap-3">
        <p className="text-sm text-slate-600" aria-live="polite">
          {unreadHere ? `${unreadHere} unread` : "All caught up"}
        </p>
        <Button variant="secondary" size="sm" disabled={!unreadHere || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
          Mark all as read
        </Button>
      </div>
      {markRead.error ? <Alert tone="error" className="mb-3">{markRead.error.message}</Alert> : null}
      {items.length ? (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              n={n}
              marking={markingId === n.id}
              onMarkRead={(id) => {
                setMarkingId(id);
                markRead.mutate({ ids: [id] });
              }}
            />
          ))}
        </ul>
      ) : (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="text-sm font-medium text-slate-900">{unreadOnly ? "No unread notifications" : "No notifications yet"}</p>
          <p className="mt-1 text-sm text-slate-600">Comments, ratings, forks, followers and sales of your work show up here.</p>
        </div>
      )}
      <LoadMore query={query} label="Load older notifications" failure="Could not load more notifications. Try again." className="mt-4" />
    </div>
  );
}
