import type { Metadata } from "next";
import { emailPreferences } from "@/lib/notify/preferences";
import { pageData } from "@/app/_lib/page";
import { cardStyles } from "@/app/_components/ui";
import { EmailPreferencesForm } from "./email-preferences-form";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const { address, preferences } = await pageData({}, ({ principal, services }) => emailPreferences(services.db, principal));
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Notification settings</h1>
        <p className="text-fg2">
          Crosslink emails you when a request you filed changes. Choose which changes. Whatever you choose here, every change also appears in
          Crosslink itself, in your notifications and on the request&apos;s page.
        </p>
      </div>
      <section className={`${cardStyles} space-y-5`} aria-labelledby="email-title">
        <h2 id="email-title" className="text-lg font-semibold">
          Email
        </h2>
        {address ? (
          <p className="text-sm" data-testid="email-address">
            Emails go to <span className="break-all font-semibold">{address}</span>, the address of the account you signed in with.
          </p>
        ) : (
          <p className="rounded-fl bg-warning-bg px-3 py-2 text-sm text-warning" data-testid="no-email-address">
            Your account has no email address that Crosslink knows of, so Crosslink cannot email you. Your choices below are kept and apply once
            your organization gives your account an address in Microsoft Entra ID and you sign in again.
          </p>
        )}
        <EmailPreferencesForm preferences={preferences.map((p) => ({ type: p.type, label: p.label, description: p.description, emailed: p.emailed }))} />
      </section>
      <p className="text-sm text-fg3">
        Provider teams are told about requests to their resources through the notification routes their administrator sets up, not here.
      </p>
    </div>
  );
}
