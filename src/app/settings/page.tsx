import type { Metadata } from "next";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { siteOrigin } from "@/server/http/site-origin";
import { serverApi } from "@/trpc/server";
import { ApiKeysPanel } from "./_components/api-keys-panel";
import { ApiUsage } from "./_components/api-usage";
import { ProfileForm } from "./_components/profile-form";
import { SettingsSection } from "./_components/settings-section";
import { ChangeEmailForm } from "./_components/change-email-form";
import { ChangePasswordForm } from "./_components/change-password-form";
import { DeleteAccountPanel } from "./_components/delete-account-panel";
import { ExportDataButton } from "./_components/export-data-button";
import { PromptExportPanel } from "./_components/prompt-export-panel";
import { ModelProvidersPanel } from "./_components/model-providers-panel";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requireSignedIn("/settings");

  const api = await serverApi();
  const [me, keys, origin, deletionPlan, providers, ownProviders] = await Promise.all([
    api.user.me(),
    api.apiKey.list(),
    siteOrigin(),
    api.user.deletionPlan(),
    api.harness.providers(),
    api.provider.list(),
  ]);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <div className="mb-10">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Settings</h1>
        <p className="mt-1.5 text-sm text-slate-600">Your public profile, the keys that let scripts act as you, the model providers you test with, and your account.</p>
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
              <p>Keys act as you, within their scopes: read, write, proxy (model calls through the capture proxy) and admin. Send one as a bearer token.</p>
              <p className="mt-2">A key is shown once when you create it. Give keys an expiry, rotate them (the old key keeps working for a grace period), and revoke any key you no longer use.</p>
            </>
          }
        >
          <ApiKeysPanel initialKeys={keys} />
          <ApiUsage origin={origin} />
        </SettingsSection>
        <SettingsSection
          id="model-providers-heading"
          title="Model providers"
          description={
            <>
              <p>The models the Test tab runs your prompts against: this site’s providers, and your own with your key.</p>
              <p className="mt-2">Your keys are encrypted on the server, used only for your runs, and never shown again.</p>
            </>
          }
        >
          <ModelProvidersPanel initialInstance={providers} initialOwn={ownProviders} />
        </SettingsSection>
        <SettingsSection
          id="webhooks-heading"
          title="Webhooks"
          description={<p>URLs Promptuary calls, signed, when something happens: sales and refunds, prompts and templates found in your captured calls.</p>}
        >
          <ButtonLink href="/settings/webhooks" variant="secondary">
            Manage webhooks
          </ButtonLink>
        </SettingsSection>
        <SettingsSection
          id="account-heading"
          title="Account"
          description={<p>How you sign in, a copy of everything you have here, and deleting the account.</p>}
        >
          <ChangeEmailForm email={me.email} hasPassword={me.hasPassword} />
          <ChangePasswordForm hasPassword={me.hasPassword} email={me.email} />
          <ExportDataButton handle={me.handle} />
          <PromptExportPanel />
          <DeleteAccountPanel plan={deletionPlan} hasPassword={me.hasPassword} />
        </SettingsSection>
      </div>
    </main>
  );
}
