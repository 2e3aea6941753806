"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Dialog, DialogActions, DialogError } from "@/components/ui/dialog";
import { CheckIcon, UserPlusIcon } from "@/components/ui/icons";
import { plural } from "@/components/ui/plural";
import { signInHref } from "@/shared/auth/sign-in-href";
import type { CollectionVisibility } from "@/shared/collections/collection-fields";
import { useTRPC } from "@/trpc/react";
import { CollectionForm } from "./collection-form";

type Props = {
  collection: { id: string; slug: string; title: string; description: string; visibility: string; followerCount: number; org: { slug: string } | null };
  viewer: { canManage: boolean; following: boolean; forTools: boolean; signedIn: boolean };
};

/** What a viewer may do on a collection's page: follow it (public ones, not one's own), offer it to their tools, and for managers edit or delete it. */
export function CollectionActions({ collection, viewer }: Props) {
  const returnTo = `/c/${collection.slug}`;
  if (!viewer.signedIn) {
    return collection.visibility === "public" ? (
      <ButtonLink href={signInHref(returnTo)} variant="secondary">
        <UserPlusIcon width={14} height={14} />
        Sign in to follow
      </ButtonLink>
    ) : null;
  }
  return (
    <div className="flex flex-wrap items-start gap-2 sm:shrink-0 sm:justify-end">
      {collection.visibility === "public" && !viewer.canManage ? <FollowCollectionButton collectionId={collection.id} initial={{ following: viewer.following, followerCount: collection.followerCount }} /> : null}
      <ToolsToggle collectionId={collection.id} initial={viewer.forTools} />
      {viewer.canManage ? <ManageCollection collection={collection} /> : null}
    </div>
  );
}

function FollowCollectionButton({ collectionId, initial }: { collectionId: string; initial: { following: boolean; followerCount: number } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [state, setState] = useState(initial);
  const onSuccess = (r: { following: boolean; followerCount: number }) => {
    setState(r);
    router.refresh();
  };
  const follow = useMutation(trpc.collection.follow.mutationOptions({ onSuccess }));
  const unfollow = useMutation(trpc.collection.unfollow.mutationOptions({ onSuccess }));
  const error = follow.error ?? unfollow.error;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant={state.following ? "secondary" : "primary"}
        onClick={() => (state.following ? unfollow : follow).mutate({ collectionId })}
        disabled={follow.isPending || unfollow.isPending}
        aria-pressed={state.following}
        title={state.following ? "Additions show in your feed. Click to unfollow." : "See what is added to it in your feed"}
      >
        {state.following ? <CheckIcon width={14} height={14} /> : <UserPlusIcon width={14} height={14} />}
        {state.following ? "Following" : "Follow"}
        <span className="rounded-full bg-black/10 px-1.5 text-xs tabular-nums" aria-label={plural(state.followerCount, "follower")}>
          {state.followerCount}
        </span>
      </Button>
      {error ? <span role="alert" className="text-xs text-rose-600">{error.message}</span> : null}
    </span>
  );
}

/** A switch: whether the viewer's connected tools (MCP) offer this collection's prompts. */
function ToolsToggle({ collectionId, initial }: { collectionId: string; initial: boolean }) {
  const trpc = useTRPC();
  const [on, setOn] = useState(initial);
  const set = useMutation(trpc.collection.setForTools.mutationOptions({ onSuccess: (r) => setOn(r.forTools) }));
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        onClick={() => set.mutate({ collectionId, enabled: !on })}
        disabled={set.isPending}
        className="inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
        title="Your connected tools (MCP: Claude Desktop, Cursor, VS Code) list the prompts of the collections you turn on"
      >
        <span aria-hidden className={`relative inline-flex h-5 w-9 shrink-0 rounded-full transition ${on ? "bg-indigo-600" : "bg-slate-300"}`}>
          <span className={`absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-all ${on ? "left-4.5" : "left-0.5"}`} />
        </span>
        Use in my tools
      </button>
      {set.error ? <span role="alert" className="text-xs text-rose-600">{set.error.message}</span> : null}
    </span>
  );
}

function ManageCollection({ collection }: { collection: Props["collection"] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const remove = useMutation(trpc.collection.delete.mutationOptions({ onSuccess: () => router.push("/collections") }));
  return (
    <>
      <Button variant="secondary" onClick={() => setDialog("edit")}>
        Edit
      </Button>
      <Button variant="ghost" onClick={() => setDialog("delete")} className="text-rose-700!">
        Delete
      </Button>
      <Dialog open={dialog === "edit"} onClose={() => setDialog(null)} title="Edit collection" labelledBy="edit-collection-title">
        <CollectionForm
          collectionId={collection.id}
          initial={{ title: collection.title, description: collection.description, visibility: collection.visibility as CollectionVisibility }}
          inOrg={collection.org !== null}
          onDone={() => setDialog(null)}
        />
      </Dialog>
      <Dialog open={dialog === "delete"} onClose={() => setDialog(null)} title="Delete this collection?" labelledBy="delete-collection-title" tone="danger" description={`"${collection.title}" and its order go; the prompts in it stay where they are. Followers and tools that use it lose it.`}>
        <DialogError action="delete the collection" message={remove.error?.message} />
        <DialogActions onCancel={() => setDialog(null)}>
          <Button variant="danger" onClick={() => remove.mutate({ collectionId: collection.id })} disabled={remove.isPending}>
            {remove.isPending ? "Deleting…" : "Delete collection"}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
