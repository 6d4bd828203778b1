import type { Metadata } from "next";
import Link from "next/link";
import { getRoute, routeScopes } from "@/lib/notify/routes";
import { pageData } from "@/app/_lib/page";
import { RouteForm } from "../../_components/route-form";
import { CHANNEL_COPY } from "../../_lib/channels";
import { eventChoices } from "../../_lib/events";
import type { RouteChannel, RoutePurpose } from "@/lib/notify/route-input";

export const metadata: Metadata = { title: "Edit notification route" };

type Props = { params: Promise<{ id: string }> };

export default async function EditRoutePage({ params }: Props) {
  const { id } = await params;
  const { route, scopes } = await pageData({ role: "admin" }, async ({ principal, services }) => ({
    route: await getRoute(services.db, principal, id),
    scopes: await routeScopes(services.db, principal),
  }));
  const channel = route.channel as RouteChannel;
  const purpose = route.purpose as RoutePurpose;
  // A URL is never shown back (Teams and Slack URLs carry their secret): the form asks for it again.
  const target = CHANNEL_COPY[channel]?.url === false ? route.recipient : "";
  return (
    <div className="space-y-6">
      <Link href={`/admin/notifications/${encodeURIComponent(route.id)}`} className="text-sm text-brand-fg hover:underline">
        ← {route.name}
      </Link>
      <h1 className="text-2xl font-semibold wrap-anywhere">Edit “{route.name}”</h1>
      <RouteForm
        mode={{ kind: "edit", routeId: route.id, currentRecipient: route.recipient }}
        initial={{ name: route.name, channel, purpose, scope: route.scope.kind === "tenant" ? "tenant" : route.scope.id, events: [...route.events], target }}
        scopes={scopes}
        choices={eventChoices()}
      />
    </div>
  );
}
