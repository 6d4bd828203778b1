import type { Metadata } from "next";
import Link from "next/link";
import { requirePrincipal } from "@/app/_lib/session";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Register an existing endpoint" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "I created it with the CLI": follow an endpoint made outside Crosslink. */
export default async function RegisterPage({ searchParams }: Props) {
  await requirePrincipal();
  const params = await searchParams;
  const target = typeof params.target === "string" ? params.target.slice(0, 2048) : "";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/requests" className="text-brand-fg hover:underline">
            My requests
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Register an existing endpoint</h1>
        <p className="text-fg2">
          Created the private endpoint yourself, with the az CLI, Bicep or the portal? Register it and Crosslink follows it like one it created: the provider sees
          the request in their Crosslink inbox and is told through the email, webhook, Teams or Slack routes their admins have set up, and you get its state,
          the timeline and, once approved, the DNS guide.
        </p>
        <p className="text-sm text-fg2" data-testid="who-is-told">
          You are emailed when its state changes (you can turn that off per change in{" "}
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
      <RegisterForm initialTarget={target} />
    </div>
  );
}
