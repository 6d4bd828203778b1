import type { Metadata } from "next";
import Link from "next/link";
import { listRoutes } from "@/lib/notify/routes";
import { reminderSettings } from "@/lib/notify/reminder-settings";
import { pageData } from "@/app/_lib/page";
import { buttonStyles, cardStyles } from "@/app/_components/ui";
import { RoutesTable } from "./_components/routes-table";
import { ReminderSettingsForm } from "./_components/reminder-settings";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsAdminPage({ searchParams }: Props) {
  const { routes, reminders } = await pageData({ role: "admin" }, async ({ principal, services }) => ({
    routes: await listRoutes(services.db, principal),
    reminders: await reminderSettings(services.db, principal, services.config.notify.reminderAfterHours),
  }));
  const { deleted } = await searchParams;
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <p className="max-w-3xl text-fg2">
          Azure never tells you that a private endpoint connection is waiting. Crosslink does, through the routes you set up here. Consumers are
          emailed about their own requests anyway; each person chooses those emails in their settings.
        </p>
      </div>
      {deleted === "1" && (
        <p role="status" className="rounded-fl bg-success-bg px-4 py-2 text-sm text-success">
          The route was deleted. Nothing more is sent through it.
        </p>
      )}

      <section className={`${cardStyles} space-y-4`} aria-labelledby="routes-title">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="routes-title" className="text-lg font-semibold">
            Routes
          </h2>
          <Link href="/admin/notifications/new" className={buttonStyles.primary}>
            New route
          </Link>
        </div>
        {routes.length === 0 ? <NoRoutes /> : <RoutesTable routes={routes} />}
      </section>

      <section className={`${cardStyles} space-y-3`} aria-labelledby="reminders-title">
        <h2 id="reminders-title" className="text-lg font-semibold">
          Reminders
        </h2>
        <p className="max-w-3xl text-sm text-fg2">
          A request Pending longer than this reminds your routes; at twice this time it escalates to escalation routes. Each reminder is sent once,
          and none once the request is decided.
        </p>
        <ReminderSettingsForm settings={reminders} />
        {reminders.resources.length === 0 && (
          <p className="text-sm text-fg3">Once a provider registers resources with Crosslink, each can have its own time here.</p>
        )}
      </section>
    </div>
  );
}

function NoRoutes() {
  return (
    <div className="max-w-3xl space-y-2 text-sm text-fg2" data-testid="routes-empty">
      <p className="font-semibold text-fg1">No routes yet, so nobody in your organization is told when a request arrives.</p>
      <p>
        A route sends the events you choose (a new request waiting, a decision, a failure, a reminder) to email addresses, a webhook of your own,
        a Microsoft Teams channel or a Slack channel, for all your resources or just one. Until you add one, your team only sees new requests by
        opening the inbox.
      </p>
    </div>
  );
}
