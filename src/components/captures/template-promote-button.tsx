"use client";
// Promote on a template's page: the template becomes a private library prompt whose version 1 is its shell.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RocketIcon } from "@/components/ui/icons";
import { useTRPC } from "@/trpc/react";
import { PromoteDialog } from "./promote-dialog";

export function TemplatePromoteButton({ templateId, defaultTitle, captureCount }: { templateId: string; defaultTitle: string; captureCount: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const promote = useMutation(trpc.template.promote.mutationOptions({ onSuccess: (p) => router.push(`/p/${p.slug}`) }));
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-haspopup="dialog">
        <RocketIcon />
        Promote
      </Button>
      {open ? (
        <PromoteDialog
          defaultTitle={defaultTitle}
          description={`A private prompt in your library whose version 1 is this template, {{variables}} and all. Its ${captureCount === 1 ? "call becomes a use" : `${captureCount} calls become uses`}, with their values.`}
          pending={promote.isPending || promote.isSuccess}
          error={promote.error}
          onSubmit={(values) => promote.mutate({ templateId, ...values })}
          onClose={() => {
            setOpen(false);
            promote.reset();
          }}
        />
      ) : null}
    </>
  );
}
