import type { Metadata } from "next";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { siteOrigin } from "@/server/http/site-origin";
import { serverApi } from "@/trpc/server";
import { ApiKeysPanel } from "./_components/api-keys-panel";
import { ApiUsage } from "./_components/api-usage";
import { ProfileForm } from "./_components/profile-form";
import { SettingsSection } from "./_components/settings-section";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requireSignedIn("/settings");

  const api = await serverApi();
  const [me, keys, origin] = await Promise.all([api.user.me(), api.apiKey.list(), siteOrigin()]);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <div className="mb-10">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Settings</h1>
        <p className="mt-1.5 text-sm text-slate-600">Your public profile and the keys that let scripts act as you.</p>
      </div>
      <div>
        <SettingsSection id="profile-heading" title="Profile" description="How you appear on your prompts and at your profile page.">
          <ProfileForm profile={me} />
        </SettingsSection>
        <SettingsSection
          id="api-keys-heading"
          title="API keys"
          description={
            <>
              <p>Keys act as you: they can read and publish your prompts. Send one as a bearer token.</p>
              <p className="mt-2">A key is shown once when you create it. Revoke any key you no longer use.</p>
            </>
          }
        >
          <ApiKeysPanel initialKeys={keys} />
          <ApiUsage origin={origin} />
        </SettingsSection>
      </div>
    </main>
  );
}
