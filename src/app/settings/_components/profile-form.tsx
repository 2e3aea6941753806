"use client";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";

type Profile = { handle: string; email: string | null; name: string | null; bio: string | null; image: string | null };

export function ProfileForm({ profile }: { profile: Profile }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [values, setValues] = useState({ name: profile.name ?? "", bio: profile.bio ?? "", image: profile.image ?? "" });
  const [saved, setSaved] = useState(false);

  const update = useMutation(
    trpc.user.updateProfile.mutationOptions({
      onSuccess: (user) => {
        setValues({ name: user.name ?? "", bio: user.bio ?? "", image: user.image ?? "" });
        setSaved(true);
        router.refresh();
      },
    }),
  );

  const formRef = useRef<HTMLFormElement>(null);
  const fe = useFieldErrors(update.error, ["name", "bio", "image"]);
  useFocusFirstInvalid(formRef, update.error);
  const err = { name: fe.errorFor("name", "Name"), bio: fe.errorFor("bio", "Bio"), image: fe.errorFor("image", "Avatar URL") };

  function set(field: keyof typeof values) {
    return (e: { target: { value: string } }) => {
      setSaved(false);
      fe.touch(field);
      setValues((v) => ({ ...v, [field]: e.target.value }));
    };
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    fe.reset();
    update.mutate({ name: values.name, bio: values.bio, image: values.image.trim() });
  }

  const previewImage = /^https?:\/\/\S+$/.test(values.image.trim()) ? values.image.trim() : null;

  return (
    <Card>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <div className="space-y-5 p-5 sm:p-6">
          <div className="flex items-center gap-4">
            <Avatar name={values.name} handle={profile.handle} image={previewImage} size={56} />
            <div className="min-w-0">
              <p className="truncate font-semibold text-slate-900">{values.name || profile.handle}</p>
              <p className="truncate text-sm text-slate-500">
                @{profile.handle}
                {profile.email ? <> · {profile.email}</> : null}
              </p>
            </div>
          </div>
          <Field label="Name" htmlFor="profile-name" error={err.name}>
            <Input id="profile-name" name="name" autoComplete="name" maxLength={80} value={values.name} onChange={set("name")} aria-invalid={err.name ? true : undefined} aria-describedby={err.name ? "profile-name-error" : undefined} />
          </Field>
          <Field label="Bio" htmlFor="profile-bio" error={err.bio} hint={`${values.bio.length} / 500. Shown on your profile.`}>
            <Textarea id="profile-bio" name="bio" rows={3} maxLength={500} value={values.bio} onChange={set("bio")} placeholder="Prompt engineer at…" aria-invalid={err.bio ? true : undefined} aria-describedby={err.bio ? "profile-bio-error" : undefined} />
          </Field>
          <Field label="Avatar URL" htmlFor="profile-image" error={err.image} hint="An http(s) link to an image. Leave empty to use your initials.">
            <Input id="profile-image" name="image" type="url" inputMode="url" value={values.image} onChange={set("image")} placeholder="https://…" aria-invalid={err.image ? true : undefined} aria-describedby={err.image ? "profile-image-error" : undefined} />
          </Field>
          <FormErrorSummary error={update.error} state={fe} />
        </div>
        <div className="flex items-center justify-end gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-5 py-3 sm:px-6">
          <p aria-live="polite" className="text-sm font-medium text-emerald-700">
            {saved ? (<><span aria-hidden>✓</span> Saved</>) : null}
          </p>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save profile"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
