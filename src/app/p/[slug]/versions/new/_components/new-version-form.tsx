"use client";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Button, ButtonLink } from "@/components/ui/button";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { BodyEditor } from "@/components/editor/body-editor";
import { ChangelogField } from "@/components/editor/changelog-field";
import { FormSection } from "@/components/editor/form-section";
import { findInvalidSlots } from "@/shared/prompts/variables";
import { useSubmitOnce } from "@/components/ui/use-submit-once";

const FIELDS = ["body", "changelog"] as const;

export function NewVersionForm({
  promptId,
  slug,
  latestBody,
  nextNumber,
  mode = "publish",
  approvalsNeeded = 1,
}: {
  promptId: string;
  slug: string;
  latestBody: string;
  nextNumber: number;
  /** publish: saved as the new latest; propose: saved in review, published once approved. */
  mode?: "publish" | "propose";
  approvalsNeeded?: number;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const [body, setBody] = useState(latestBody);
  const [changelog, setChangelog] = useState("");
  const [navigating, setNavigating] = useState(false);

  const onSuccess = (saved: { number: number }) => {
    setNavigating(true);
    router.push(mode === "propose" ? `/p/${slug}?v=${saved.number}#versions` : `/p/${slug}`);
    router.refresh();
  };
  const publish = useMutation(trpc.version.create.mutationOptions({ onSuccess }));
  const propose = useMutation(trpc.version.propose.mutationOptions({ onSuccess }));
  const create = mode === "propose" ? propose : publish;

  const formRef = useRef<HTMLFormElement>(null);
  const fe = useFieldErrors(create.error, FIELDS);
  useFocusFirstInvalid(formRef, create.error);
  const unchanged = nextNumber > 1 && body === latestBody;
  const invalidSlots = findInvalidSlots(body);
  const pending = create.isPending || navigating;
  const once = useSubmitOnce(pending);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    fe.reset();
    // Malformed {{slots}} are listed under the body; the API would refuse them too.
    if (invalidSlots.length) {
      document.getElementById("version-body")?.focus();
      return;
    }
    if (!once.claim()) return;
    create.mutate({ promptId, body, ...(changelog.trim() ? { changelog } : {}) });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormSection
        id="version-heading"
        title={`Version ${nextNumber}`}
        description={
          <>
            This will be version {nextNumber}. Earlier versions stay exactly as they are, and{" "}
            {mode === "propose" ? (
              <>
                it waits for review: <span className="font-mono text-slate-700">latest</span> moves to it once {approvalsNeeded === 1 ? "an owner or admin approves it" : `${approvalsNeeded} different owners or admins approve it`}.
              </>
            ) : (
              <>
                <span className="font-mono text-slate-700">latest</span> moves to the new one.
              </>
            )}
          </>
        }
      >
        <BodyEditor id="version-body" value={body} onChange={(v) => {
            fe.touch("body");
            setBody(v);
          }}
          error={fe.errorFor("body", "Body")} />
        <ChangelogField id="version-changelog" value={changelog} onChange={(v) => {
            fe.touch("changelog");
            setChangelog(v);
          }}
          error={fe.errorFor("changelog", "Changelog")} placeholder="Tightened the instructions; added {{audience}}" />
      </FormSection>

      <FormErrorSummary error={create.error} state={fe} />
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-center sm:justify-end">
        {unchanged ? (
          <p className="text-center text-sm text-slate-500 sm:mr-auto sm:text-left" id="version-unchanged">
            No changes yet. Edit the body to save version {nextNumber}.
          </p>
        ) : null}
        <ButtonLink href={`/p/${slug}`} variant="ghost">
          Cancel
        </ButtonLink>
        <Button type="submit" size="lg" disabled={pending || unchanged} aria-describedby={unchanged ? "version-unchanged" : undefined}>
          {pending ? "Saving…" : mode === "propose" ? "Propose for review" : "Save version"}
        </Button>
      </div>
    </form>
  );
}
