import type { Metadata } from "next";
import Link from "next/link";
import { routeScopes } from "@/lib/notify/routes";
import { pageData } from "@/app/_lib/page";
import { RouteForm } from "../_components/route-form";
import { eventChoices } from "../_lib/events";

export const metadata: Metadata = { title: "New notification route" };

export default async function NewRoutePage() {
  const scopes = await pageData({ role: "admin" }, ({ principal, services }) => routeScopes(services.db, principal));
  const choices = eventChoices();
  return (
    <div className="space-y-6">
      <Link href="/admin/notifications" className="text-sm text-brand-fg hover:underline">
        ← Notifications
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">New notification route</h1>
        <p className="max-w-3xl text-fg2">
          A route sends your organization&apos;s notifications about connection requests to a mailbox, a webhook, a Teams channel or a Slack
          channel. Consumers are told about their own requests by email anyway.
        </p>
      </div>
      <RouteForm
        mode={{ kind: "create" }}
        initial={{ name: "", channel: "email", purpose: "notify", scope: "tenant", events: [...choices.notify.defaults], target: "" }}
        scopes={scopes}
        choices={choices}
      />
    </div>
  );
}
