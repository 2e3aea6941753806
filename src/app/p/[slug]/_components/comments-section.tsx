"use client";
import type { inferRouterOutputs } from "@trpc/server";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState, type FormEvent } from "react";
import { TimeAgo } from "@/components/ui/date-time";
import { formatDate } from "@/components/ui/format-date";
import { CommentIcon } from "@/components/ui/icons";
import { Avatar } from "@/components/ui/avatar";
import { Button, ButtonLink } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { fieldError, fieldErrorsOf } from "@/components/ui/field-errors";
import { LoadMore } from "@/components/ui/load-more";
import type { AppRouter } from "@/server/api/root";
import { COMMENT_MAX_LENGTH } from "@/shared/social/social-fields";
import { signInHref } from "@/shared/auth/sign-in-href";
import { useTRPC } from "@/trpc/react";
import { usePromptStats } from "./prompt-stats-context";
import { COMMENTS_PAGE_SIZE } from "./social-page-sizes";
import { useSubmitOnce } from "@/components/ui/use-submit-once";

export type CommentsPage = inferRouterOutputs<AppRouter>["social"]["comments"];
type Thread = CommentsPage["items"][number];
type Reply = Thread["replies"][number];

type Viewer = { id: string; isAdmin: boolean } | null;

/** The discussion: a composer, then top-level comments (oldest first) with one level of replies. */
export function CommentsSection({ promptId, slug, viewer, initialPage }: { promptId: string; slug: string; viewer: Viewer; initialPage: CommentsPage }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { stats, update } = usePromptStats();
  const query = useInfiniteQuery(
    trpc.social.comments.infiniteQueryOptions(
      { promptId, limit: COMMENTS_PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor, initialData: { pages: [initialPage], pageParams: [null] } },
    ),
  );
  const threads = (query.data?.pages ?? [initialPage]).flatMap((p) => p.items);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.social.comments.pathKey() });
  const post = useMutation(
    trpc.social.comment.mutationOptions({
      onSuccess: async () => {
        update((s) => ({ commentCount: s.commentCount + 1 }));
        await refresh();
      },
    }),
  );
  const count = stats.commentCount;

  return (
    <section aria-label="Comments" id="comments" className="scroll-mt-20">
      <h2 className="flex items-center gap-2 text-lg font-semibold text-slate-900" aria-label={`Comments (${count})`}>
        Comments
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-600 tabular-nums">{count}</span>
      </h2>

      <div className="mt-3">
        {viewer ? (
          <Composer
            id="new-comment"
            label="Add a comment"
            submitLabel="Post comment"
            pendingLabel="Posting…"
            placeholder="Share how you used it, ask a question, suggest an improvement…"
            pending={post.isPending}
            error={post.error}
            onSubmit={(body, clear) => post.mutate({ promptId, body }, { onSuccess: clear })}
          />
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600 shadow-xs">
            <span>Join the discussion about this prompt.</span>
            <ButtonLink href={signInHref(`/p/${slug}#comments`)} variant="secondary" size="sm">
              Sign in to comment
            </ButtonLink>
          </div>
        )}
      </div>

      {threads.length ? (
        <ul className="mt-6 space-y-4" aria-label="Comment thread">
          {threads.map((t) => (
            <ThreadItem key={t.id} thread={t} promptId={promptId} viewer={viewer} onChanged={refresh} />
          ))}
        </ul>
      ) : (
        <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white/60 px-6 py-8 text-center">
          <CommentIcon className="mx-auto text-slate-400" width={20} height={20} />
          <p className="mt-2 text-sm font-semibold text-slate-900">No comments yet</p>
          <p className="mt-0.5 text-sm text-slate-600">Start the conversation: questions, tips and variations are all welcome.</p>
        </div>
      )}
      <LoadMore query={query} label="Load more comments" failure="Could not load more comments. Try again." className="mt-4" />
    </section>
  );
}

/** A top-level comment, its replies and (when open) the reply box. */
function ThreadItem({ thread, promptId, viewer, onChanged }: { thread: Thread; promptId: string; viewer: Viewer; onChanged: () => Promise<void> }) {
  const trpc = useTRPC();
  const { update } = usePromptStats();
  const [replyOpen, setReplyOpen] = useState(false);
  const [replySeed, setReplySeed] = useState("");
  const reply = useMutation(
    trpc.social.comment.mutationOptions({
      onSuccess: async () => {
        update((s) => ({ commentCount: s.commentCount + 1 }));
        await onChanged();
      },
    }),
  );
  const canReply = Boolean(viewer) && !thread.deleted;
  const openReply = (seed = "") => {
    setReplySeed(seed);
    setReplyOpen(true);
  };
  const hidden = thread.replyCount - thread.replies.length;

  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <CommentView comment={thread} viewer={viewer} onReply={canReply ? () => openReply() : undefined} onChanged={onChanged} />
      {thread.replies.length || replyOpen ? (
        <div className="mt-4 space-y-4 border-l-2 border-slate-100 pl-4 sm:ml-4">
          {thread.replies.length ? (
            <ul className="space-y-4" aria-label={`Replies to ${thread.author ? `@${thread.author.handle}` : "a deleted comment"}`}>
              {thread.replies.map((r) => (
                <li key={r.id}>
                  <CommentView comment={r} viewer={viewer} onReply={canReply && r.author ? () => openReply(`@${r.author?.handle} `) : undefined} onChanged={onChanged} />
                </li>
              ))}
            </ul>
          ) : null}
          {hidden > 0 ? <p className="text-xs text-slate-500">{hidden} older {hidden === 1 ? "reply is" : "replies are"} not shown.</p> : null}
          {replyOpen ? (
            <Composer
              key={replySeed}
              id={`reply-${thread.id}`}
              label="Reply"
              submitLabel="Post reply"
              pendingLabel="Posting…"
              initial={replySeed}
              placeholder={`Reply to ${thread.author ? `@${thread.author.handle}` : "this thread"}…`}
              autoFocus
              compact
              pending={reply.isPending}
              error={reply.error}
              onCancel={() => {
                reply.reset();
                setReplyOpen(false);
              }}
              onSubmit={(body) => reply.mutate({ promptId, body, parentId: thread.id }, { onSuccess: () => setReplyOpen(false) })}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** One comment (or reply): author, time, text, and its actions. Deleted ones keep their place as a placeholder. */
function CommentView({ comment, viewer, onReply, onChanged }: { comment: Thread | Reply; viewer: Viewer; onReply?: () => void; onChanged: () => Promise<void> }) {
  const trpc = useTRPC();
  const { update } = usePromptStats();
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete">("view");
  const headingId = useId();
  const edit = useMutation(trpc.social.editComment.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(
    trpc.social.deleteComment.mutationOptions({
      onSuccess: async () => {
        update((s) => ({ commentCount: Math.max(0, s.commentCount - 1) }));
        await onChanged();
      },
    }),
  );

  if (comment.deleted || !comment.author) {
    return (
      <article aria-label="Deleted comment" className="text-sm italic text-slate-500">
        This comment was deleted.
      </article>
    );
  }
  const author = comment.author;
  const mine = viewer?.id === author.id;
  const canDelete = mine || Boolean(viewer?.isAdmin);

  return (
    <article aria-labelledby={headingId} className="min-w-0">
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <Link href={`/u/${author.handle}`} className="flex items-center gap-2 rounded font-medium text-slate-800 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
          <Avatar name={author.name} handle={author.handle} image={author.image} size={24} />
          <span id={headingId}>
            {author.name ? <span className="sr-only">{author.name} </span> : null}@{author.handle}
          </span>
        </Link>
        <TimeAgo value={comment.createdAt} className="text-xs text-slate-500" />
        {comment.editedAt ? (
          <span className="text-xs text-slate-400" title={`Edited ${formatDate(comment.editedAt)}`}>
            (edited)
          </span>
        ) : null}
      </header>

      {mode === "edit" ? (
        <div className="mt-2">
          <Composer
            id={`edit-${comment.id}`}
            label="Edit comment"
            submitLabel="Save"
            pendingLabel="Saving…"
            initial={comment.body}
            autoFocus
            compact
            pending={edit.isPending}
            error={edit.error}
            onCancel={() => {
              edit.reset();
              setMode("view");
            }}
            onSubmit={(body) => edit.mutate({ commentId: comment.id, body }, { onSuccess: () => setMode("view") })}
          />
        </div>
      ) : (
        <p className="mt-2 whitespace-pre-wrap text-sm leading-relaxed text-slate-800 [overflow-wrap:anywhere]">{comment.body}</p>
      )}

      {mode === "view" && (onReply || mine || canDelete) ? (
        <div className="mt-2 flex flex-wrap items-center gap-1 text-xs">
          {onReply ? <ActionButton onClick={onReply}>Reply</ActionButton> : null}
          {mine ? <ActionButton onClick={() => setMode("edit")}>Edit</ActionButton> : null}
          {canDelete ? (
            <ActionButton onClick={() => setMode("confirm-delete")} danger>
              Delete
            </ActionButton>
          ) : null}
        </div>
      ) : null}

      {mode === "confirm-delete" ? (
        <div role="group" aria-label="Confirm delete" className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900 ring-1 ring-inset ring-rose-200">
          <span>Delete this comment? This cannot be undone.</span>
          <span className="flex gap-2">
            <Button size="sm" variant="danger" onClick={() => remove.mutate({ commentId: comment.id })} disabled={remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete comment"}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                remove.reset();
                setMode("view");
              }}
              disabled={remove.isPending}
            >
              Cancel
            </Button>
          </span>
          {remove.error ? (
            <span role="alert" className="w-full text-rose-700">
              Could not delete: {remove.error.message}
            </span>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function ActionButton({ children, onClick, danger = false }: { children: string; onClick: () => void; danger?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={`rounded px-1.5 py-1 font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${danger ? "text-slate-500 hover:bg-rose-50 hover:text-rose-700" : "text-slate-500 hover:bg-slate-100 hover:text-slate-900"}`}
    >
      {children}
    </button>
  );
}

/** A labelled textarea with a length counter and a submit button (plus Cancel when it can be closed). */
function Composer({
  id,
  label,
  submitLabel,
  pendingLabel,
  placeholder,
  initial = "",
  autoFocus = false,
  compact = false,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  placeholder?: string;
  initial?: string;
  autoFocus?: boolean;
  compact?: boolean;
  pending: boolean;
  error: { message: string } | null;
  onSubmit: (body: string, clear: () => void) => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const caretPlaced = useRef(false);
  const [touched, setTouched] = useState(false);
  const bodyError = error && !touched ? (fieldError(fieldErrorsOf(error), "body", label) ?? error.message) : undefined;
  const near = body.length > COMMENT_MAX_LENGTH * 0.9;

  const once = useSubmitOnce(pending);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim() || !once.claim()) return;
    setTouched(false);
    onSubmit(body, () => setBody(""));
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <label htmlFor={id} className={compact ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <Textarea
        id={id}
        rows={compact ? 3 : 4}
        value={body}
        maxLength={COMMENT_MAX_LENGTH}
        placeholder={placeholder}
        autoFocus={autoFocus}
        // An opened reply or edit box starts with the caret after the existing text.
        onFocus={(e) => {
          if (!autoFocus || caretPlaced.current) return;
          caretPlaced.current = true;
          e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length);
        }}
        onChange={(e) => {
          setBody(e.target.value);
          setTouched(true);
        }}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={`${id}-count${bodyError ? ` ${id}-error` : ""}`}
      />
      {bodyError ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-rose-600">
          {bodyError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-count`} className={`text-xs tabular-nums ${near ? "font-medium text-amber-700" : "text-slate-500"}`}>
          {body.length} / {COMMENT_MAX_LENGTH}
          <span className="sr-only"> characters</span>
        </p>
        <div className="flex gap-2">
          {onCancel ? (
            <Button variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" size={compact ? "sm" : "md"} disabled={pending || !body.trim()}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
