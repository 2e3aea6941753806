"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { z } from "zod";
import { ForkIcon } from "@/components/ui/icons";
import { Button, ButtonLink } from "@/components/ui/button";
import { Dialog, DialogActions, DialogError } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { signInHref } from "@/shared/auth/sign-in-href";
import { defaultForkTitle, PAID_FORK_PRIVATE_REASON } from "@/shared/prompts/fork-title";
import { TITLE_MAX_LENGTH, titleSchema } from "@/shared/prompts/prompt-fields";
import { VISIBILITIES, type Visibility } from "@/shared/prompts/visibility";
import { fieldError, fieldErrorsOf } from "@/components/ui/field-errors";
import { useTRPC } from "@/trpc/react";

const forkFields = z.object({ title: titleSchema });

/**
 * Forks a version into a new prompt owned by the viewer through a dialog (title, visibility:
 * private unless they choose otherwise), then opens it. Signed-out viewers are sent to sign in.
 */
export function ForkButton({
  slug,
  title,
  versionId,
  versionNumber,
  signedIn,
  locked = false,
  privateOnly = false,
}: {
  slug: string;
  /** The source's title: the fork's default is "<title> (fork)". */
  title: string;
  versionId: string;
  versionNumber: number;
  signedIn: boolean;
  /** The viewer cannot read this paid prompt's body, so there is nothing they may copy. */
  locked?: boolean;
  /** A licensee's copy of a paid prompt stays private. */
  privateOnly?: boolean;
}) {
  const [open, setOpen] = useState(false);

  if (!signedIn) {
    return (
      <ButtonLink href={signInHref(`/p/${slug}`)} variant="secondary">
        <ForkIcon />
        Sign in to fork
      </ButtonLink>
    );
  }
  if (locked) {
    return (
      <Button variant="secondary" disabled title="Buy a license to fork this prompt">
        <ForkIcon />
        Buy to fork
      </Button>
    );
  }
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog" title={`Copy v${versionNumber} into a new prompt of your own`}>
        <ForkIcon />
        Fork
      </Button>
      {open ? <ForkDialog title={title} versionId={versionId} versionNumber={versionNumber} privateOnly={privateOnly} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ForkDialog({ title, versionId, versionNumber, privateOnly, onClose }: { title: string; versionId: string; versionNumber: number; privateOnly: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [forkTitle, setForkTitle] = useState(() => defaultForkTitle(title));
  const [visibility, setVisibility] = useState<Visibility>("private");
  const [clientError, setClientError] = useState<string | undefined>();
  const fork = useMutation(trpc.prompt.fork.mutationOptions({ onSuccess: (created) => router.push(`/p/${created.slug}`) }));
  const busy = fork.isPending || fork.isSuccess;
  const titleError = clientError ?? fieldError(fieldErrorsOf(fork.error), "title", "Title");
  const otherError = fork.error && !fieldErrorsOf(fork.error).title ? fork.error.message : null;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = forkFields.safeParse({ title: forkTitle });
    if (!parsed.success) return setClientError(fieldError({ title: parsed.error.issues.map((i) => i.message) }, "title", "Title"));
    setClientError(undefined);
    fork.mutate({ versionId, title: parsed.data.title, visibility: privateOnly ? "private" : visibility });
  }

  return (
    <Dialog open onClose={onClose} labelledBy={`${id}-title`} title={`Fork v${versionNumber}`} description="Your fork is a new prompt of your own, starting from this version. Its lineage links back here.">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Fork this prompt">
        <Field label="Title" htmlFor={`${id}-fork-title`} error={titleError}>
          <Input
            id={`${id}-fork-title`}
            value={forkTitle}
            maxLength={TITLE_MAX_LENGTH}
            onChange={(e) => {
              setForkTitle(e.target.value);
              setClientError(undefined);
            }}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${id}-fork-title-error` : undefined}
          />
        </Field>
        <Field label="Visibility" htmlFor={`${id}-fork-visibility`} hint={privateOnly ? undefined : VISIBILITIES[visibility].hint}>
          <Select id={`${id}-fork-visibility`} value={privateOnly ? "private" : visibility} disabled={privateOnly} onChange={(e) => setVisibility(e.target.value as Visibility)} aria-describedby={privateOnly ? `${id}-paid-note` : undefined}>
            {Object.entries(VISIBILITIES).map(([value, v]) => (
              <option key={value} value={value}>
                {v.label}
              </option>
            ))}
          </Select>
        </Field>
        {privateOnly ? (
          <p id={`${id}-paid-note`} className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            {PAID_FORK_PRIVATE_REASON}
          </p>
        ) : (
          <p className="text-xs text-slate-500">Forks start private so you can work on them first. {PAID_FORK_PRIVATE_REASON.replace(/:.*/, ".")}</p>
        )}
        <DialogError action="fork" message={otherError} />
        <DialogActions onCancel={onClose}>
          <Button type="submit" disabled={busy}>
            <ForkIcon />
            {busy ? "Forking…" : "Create fork"}
          </Button>
        </DialogActions>
        <p aria-live="polite" className="sr-only">
          {fork.isSuccess ? "Fork created, opening it…" : ""}
        </p>
      </form>
    </Dialog>
  );
}
