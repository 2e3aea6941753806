"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/**
 * Saves a rewritten body: as the prompt's next version for its owner (the existing version.create),
 * or, for anyone else, in a fork of the version it was tried against. Then opens the saved version.
 */
export function SaveRewrite({
  body,
  versionId,
  promptId,
  canSave,
  slug,
  changelog,
  disabled = false,
  variant = "secondary",
}: {
  body: string;
  versionId: string;
  promptId: string;
  canSave: boolean;
  slug: string;
  changelog: string;
  disabled?: boolean;
  variant?: "primary" | "secondary";
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const createVersion = useMutation(trpc.version.create.mutationOptions());
  const fork = useMutation(trpc.prompt.fork.mutationOptions());
  const [saved, setSaved] = useState<string | null>(null);

  const save = async () => {
    if (canSave) {
      const v = await createVersion.mutateAsync({ promptId, body, changelog });
      setSaved(`Saved as v${v.number}.`);
      router.push(`/p/${slug}?v=${v.number}&tab=test#try-it`);
      router.refresh();
      return;
    }
    const f = await fork.mutateAsync({ versionId });
    await createVersion.mutateAsync({ promptId: f.id, body, changelog });
    setSaved("Saved in your fork.");
    router.push(`/p/${f.slug}?tab=test#try-it`);
  };
  const error = createVersion.error ?? fork.error;
  const saving = createVersion.isPending || fork.isPending;
  return (
    <>
      <Button variant={variant} onClick={() => void save().catch(() => undefined)} disabled={disabled || saving || saved !== null}>
        {saving ? "Saving…" : canSave ? "Save as new version" : "Fork and save"}
      </Button>
      {error ? <Alert tone="error" className="basis-full">{error.message}</Alert> : null}
      {saved ? <Alert tone="success" className="basis-full">{saved}</Alert> : null}
    </>
  );
}
