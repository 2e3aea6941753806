"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Dialog, DialogError } from "@/components/ui/dialog";
import { Input, Select } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { plural } from "@/components/ui/plural";
import { signInHref } from "@/shared/auth/sign-in-href";
import { collectionTitleSchema, COLLECTION_VISIBILITIES } from "@/shared/collections/collection-fields";
import { useTRPC } from "@/trpc/react";
import { CollectionVisibilityBadge } from "./collection-visibility-badge";

type Pin = "production" | "version";

/**
 * "Add to collection" on a prompt page: the viewer's collections (their own and those of
 * organisations they manage collections for) as toggles, whether an addition follows `production` or
 * is pinned to the version on the page, and a quick "new collection".
 */
export function AddToCollection({ promptId, returnTo, signedIn, version }: { promptId: string; returnTo: string; signedIn: boolean; version: { id: string; number: number } | null }) {
  const [open, setOpen] = useState(false);
  if (!signedIn) {
    return (
      <ButtonLink href={signInHref(returnTo)} variant="secondary">
        <PlusIcon width={14} height={14} />
        Sign in to collect
      </ButtonLink>
    );
  }
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <PlusIcon width={14} height={14} />
        Add to collection
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add to a collection" labelledBy="add-to-collection-title" description="Collections keep prompts in the order you choose. Tools you connect can serve the ones you pick.">
        <CollectionChooser promptId={promptId} version={version} />
      </Dialog>
    </>
  );
}

function CollectionChooser({ promptId, version }: { promptId: string; version: { id: string; number: number } | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const choicesKey = trpc.collection.forPrompt.queryOptions({ promptId });
  const choices = useQuery(choicesKey);
  const refresh = () => queryClient.invalidateQueries({ queryKey: choicesKey.queryKey });
  // A toggle shows at once; the list's next answer (or a failure) replaces it.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const settle = (collectionId: string) => () =>
    void refresh().finally(() =>
      setToggled(({ [collectionId]: _done, ...rest }) => rest),
    );
  const [pin, setPin] = useState<Pin>("production");
  const [status, setStatus] = useState("");
  const add = useMutation(trpc.collection.addPrompt.mutationOptions());
  const remove = useMutation(trpc.collection.removePrompt.mutationOptions());
  const versionId = pin === "version" && version ? version.id : null;
  const error = add.error ?? remove.error;

  const toggle = (c: { id: string; title: string; contains: boolean }) => {
    add.reset();
    remove.reset();
    setToggled((t) => ({ ...t, [c.id]: !c.contains }));
    if (c.contains) remove.mutate({ collectionId: c.id, promptId }, { onSuccess: () => setStatus(`Removed from "${c.title}".`), onSettled: settle(c.id) });
    else add.mutate({ collectionId: c.id, promptId, versionId }, { onSuccess: () => setStatus(`Added to "${c.title}"${versionId ? `, pinned to v${version?.number}` : ""}.`), onSettled: settle(c.id) });
  };

  return (
    <div className="space-y-4">
      {version ? (
        <fieldset className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Which version it serves</legend>
          <div className="flex flex-col gap-2 text-sm sm:flex-row sm:gap-5">
            <label className="flex items-center gap-2">
              <input type="radio" name={`${id}-pin`} checked={pin === "production"} onChange={() => setPin("production")} className="accent-indigo-600" />
              Follow <span className="font-mono text-xs">production</span>
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name={`${id}-pin`} checked={pin === "version"} onChange={() => setPin("version")} className="accent-indigo-600" />
              Pin to v{version.number}
            </label>
          </div>
        </fieldset>
      ) : null}

      {choices.isPending ? (
        <p className="text-sm text-slate-500">Loading your collections…</p>
      ) : choices.error ? (
        <p role="alert" className="text-sm text-rose-600">Could not load your collections: {choices.error.message}</p>
      ) : choices.data.length ? (
        <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200" aria-label="Your collections">
          {choices.data.map((listed) => ({ ...listed, contains: toggled[listed.id] ?? listed.contains })).map((c) => (
            <li key={c.id} className="flex items-center gap-3 px-3 py-2.5">
              <input
                id={`${id}-${c.id}`}
                type="checkbox"
                checked={c.contains}
                onChange={() => toggle(c)}
                disabled={add.isPending || remove.isPending}
                className="h-4 w-4 shrink-0 accent-indigo-600"
              />
              <label htmlFor={`${id}-${c.id}`} className="min-w-0 flex-1 cursor-pointer">
                <span className="block truncate text-sm font-medium text-slate-900">{c.title}</span>
                <span className="block truncate text-xs text-slate-500">
                  {c.org ? `${c.org.name} · ` : ""}
                  {plural(c.itemCount, "prompt")}
                  {c.contains ? (c.pinnedVersion ? ` · pinned to v${c.pinnedVersion}` : " · follows production") : ""}
                </span>
              </label>
              <CollectionVisibilityBadge visibility={c.visibility} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-600">You have no collections yet. Make one below.</p>
      )}

      <p aria-live="polite" className="min-h-5 text-sm text-emerald-700">{status}</p>
      <DialogError action="update the collection" message={error?.message} />
      <QuickCreate promptId={promptId} versionId={versionId} onCreated={(title) => { setStatus(`Created "${title}" and added this prompt.`); void refresh(); }} />
      <p className="text-right text-sm">
        <Link href="/collections" className="font-semibold text-indigo-600 hover:text-indigo-800">Manage collections →</Link>
      </p>
    </div>
  );
}

function QuickCreate({ promptId, versionId, onCreated }: { promptId: string; versionId: string | null; onCreated: (title: string) => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [title, setTitle] = useState("");
  const [visibility, setVisibility] = useState<"private" | "public">("private");
  const [invalid, setInvalid] = useState<string | null>(null);
  const create = useMutation(trpc.collection.create.mutationOptions());
  const add = useMutation(trpc.collection.addPrompt.mutationOptions());
  const busy = create.isPending || add.isPending;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = collectionTitleSchema.safeParse(title);
    if (!parsed.success) return setInvalid(`Title ${parsed.error.issues[0]?.message ?? "is invalid"}.`);
    setInvalid(null);
    const created = await create.mutateAsync({ title: parsed.data, visibility }).catch(() => null);
    if (!created) return;
    const added = await add.mutateAsync({ collectionId: created.id, promptId, versionId }).catch(() => null);
    if (!added) return;
    setTitle("");
    onCreated(created.title);
  };

  return (
    <form onSubmit={submit} className="rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200" aria-label="New collection" noValidate>
      <p className="text-sm font-semibold text-slate-900">New collection</p>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <label htmlFor={`${id}-title`} className="sr-only">Title</label>
        <Input id={`${id}-title`} placeholder="Title, e.g. Support replies" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={invalid ? true : undefined} maxLength={100} className="sm:flex-1" />
        <label htmlFor={`${id}-visibility`} className="sr-only">Visibility</label>
        <Select id={`${id}-visibility`} value={visibility} onChange={(e) => setVisibility(e.target.value as "private" | "public")} className="sm:w-32">
          <option value="private">{COLLECTION_VISIBILITIES.private.label}</option>
          <option value="public">{COLLECTION_VISIBILITIES.public.label}</option>
        </Select>
        <Button type="submit" disabled={busy}>{busy ? "Creating…" : "Create and add"}</Button>
      </div>
      {invalid ? <p role="alert" className="mt-1 text-xs text-rose-600">{invalid}</p> : null}
      <DialogError action="create the collection" message={(create.error ?? add.error)?.message} />
    </form>
  );
}
