"use client";
import Link from "next/link";
import { TimeAgo } from "@/components/ui/date-time";
import { NOTIFICATION_LABELS, type NotificationKindName } from "@/shared/notifications/notification-kinds";

export type NotificationRow = {
  id: string;
  kind: NotificationKindName;
  text: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

/** One notification: unread ones are tinted, marked with a dot and say so to screen readers. */
export function NotificationItem({ n, onMarkRead, marking }: { n: NotificationRow; onMarkRead?: (id: string) => void; marking?: boolean }) {
  const unread = !n.readAt;
  return (
    <li
      data-testid="notification"
      data-unread={unread ? "true" : "false"}
      className={`flex items-start gap-3 px-4 py-3.5 sm:px-5 ${unread ? "bg-indigo-50/70" : "bg-white"}`}
    >
      <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? "bg-indigo-600" : "bg-transparent"}`} />
      <div className="min-w-0 flex-1">
        <p className={`text-sm leading-snug ${unread ? "font-semibold text-slate-900" : "text-slate-700"}`}>
          {unread ? <span className="sr-only">Unread: </span> : null}
          {n.link ? (
            <Link href={n.link} className="hover:text-indigo-700 hover:underline" onClick={() => unread && onMarkRead?.(n.id)}>
              {n.text}
            </Link>
          ) : (
            n.text
          )}
        </p>
        <p className="mt-0.5 text-xs text-slate-500">
          {NOTIFICATION_LABELS[n.kind]} · <TimeAgo value={n.createdAt} />
        </p>
      </div>
      {unread && onMarkRead ? (
        <button
          type="button"
          onClick={() => onMarkRead(n.id)}
          disabled={marking}
          className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-100 disabled:opacity-50"
        >
          Mark read
        </button>
      ) : null}
    </li>
  );
}
