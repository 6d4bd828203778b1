import type { Metadata } from "next";
import Link from "next/link";
import { requirePrincipal } from "@/app/_lib/session";
import { NewRequestForm } from "./new-request-form";

export const metadata: Metadata = { title: "New request" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function param(value: string | string[] | undefined, max: number): string {
  return typeof value === "string" ? value.slice(0, max) : "";
}

/** File a connection request. `?target=…&groupId=…` prefill it (e.g. "File a new request" after a rejection). */
export default async function NewRequestPage({ searchParams }: Props) {
  const principal = await requirePrincipal();
  const params = await searchParams;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/requests" className="text-brand-fg hover:underline">
            My requests
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">New connection request</h1>
        <p className="text-fg2">
          Crosslink creates a private endpoint in your network with a manual connection request to the provider&apos;s resource, as{" "}
          <strong className="text-fg1">{principal.name}</strong> of {principal.tenantName}. Already created one yourself?{" "}
          <Link href="/requests/register" className="text-brand-fg underline underline-offset-2">
            Register an existing endpoint
          </Link>
          .
        </p>
        <p className="text-sm text-fg2" data-testid="who-is-told">
          Once the endpoint exists, the provider sees your request in their Crosslink inbox and is told through the email, webhook, Teams or Slack routes their
          admins have set up. You are emailed at each change (you can turn that off per change in{" "}
          <Link href="/settings/notifications" prefetch={false} className="text-brand-fg underline underline-offset-2">
            notification settings
          </Link>
          ) and see it under{" "}
          <Link href="/notifications" className="text-brand-fg underline underline-offset-2">
            Notifications
          </Link>
          .
        </p>
      </div>
      <NewRequestForm initialTarget={param(params.target, 2048)} initialGroupId={param(params.groupId, 80)} />
    </div>
  );
}
