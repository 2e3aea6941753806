"use client";
// "Transfer to organisation": the owner of a personal prompt moves it into one of their
// organisations where they may create prompts (owner or admin there); from then on its roles decide.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { roleAllows } from "@/shared/governance/role-matrix";
import { ORG_ROLE_LABELS } from "@/shared/governance/org-roles";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogError } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";

export function TransferDialog({ promptId, title, onClose }: { promptId: string; title: string; onClose: () => void }) {
  const router = useRouter();
  const trpc = useTRPC();
  const mine = useQuery(trpc.org.mine.queryOptions());
  const choices = (mine.data ?? []).filter((o) => roleAllows(o.role, "prompt.create"));
  const [orgId, setOrgId] = useState("");
  const chosen = orgId || choices[0]?.id || "";
  const transfer = useMutation(
    trpc.prompt.transfer.mutationOptions({
      onSuccess: () => {
        onClose();
        router.refresh();
      },
    }),
  );

  return (
    <Dialog open onClose={onClose} title="Transfer to organisation" labelledBy="transfer-title" description={<>Move “{title}” into an organisation. Its members’ roles then decide who may change it, and new versions from contributors go through review. You cannot take it back yourself.</>}>
      {mine.isPending ? (
        <p className="text-sm text-slate-600">Loading your organisations…</p>
      ) : choices.length === 0 ? (
        <p className="text-sm text-slate-600">
          You are not an owner or admin of any organisation. <a href="/orgs" className="font-medium text-indigo-600 hover:text-indigo-800">Create one</a> first.
        </p>
      ) : (
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            transfer.mutate({ promptId, orgId: chosen });
          }}
        >
          <Field label="Organisation" htmlFor="transfer-org">
            <Select id="transfer-org" value={chosen} onChange={(e) => setOrgId(e.target.value)}>
              {choices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({ORG_ROLE_LABELS[o.role].toLowerCase()})
                </option>
              ))}
            </Select>
          </Field>
          <DialogError action="transfer" message={transfer.error?.message} />
          <DialogActions onCancel={onClose}>
            <Button type="submit" disabled={transfer.isPending}>{transfer.isPending ? "Transferring…" : "Transfer"}</Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
