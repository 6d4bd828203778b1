import type { Metadata } from "next";
import Link from "next/link";
import { getPrincipal } from "@/app/_lib/session";
import { buttonStyles, cardStyles, inlineLinkStyles } from "@/app/_components/ui";
import { CrosslinkPermissions } from "./permissions";

export const metadata: Metadata = { title: "Onboard your organization" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PROBLEMS: Record<string, string> = {
  tenant: "Enter your organization's tenant ID or one of its domain names (such as contoso.onmicrosoft.com), or leave it empty.",
  unavailable: "Admin consent could not be started because of a problem on our side. Try again in a moment.",
};

/**
 * What Crosslink asks a consumer organization for, why, and the way for its administrator to grant
 * it for everyone (admin consent). Reachable signed out: the person who needs it is often an
 * administrator who has never used Crosslink.
 */
export default async function OnboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const problem = typeof params.problem === "string" ? PROBLEMS[params.problem] : undefined;
  const principal = await getPrincipal();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Onboard your organization</h1>
        <p className="text-fg2" data-testid="onboard-summary">
          To file connection requests, Crosslink works in Azure as the person using it: it lists their subscriptions and virtual networks and creates the
          private endpoint they ask for, with their own Azure rights and no others. Microsoft Entra ID asks for consent before any app may do that.
          {principal && (
            <>
              {" "}
              You are signed in as <strong className="text-fg1">{principal.name}</strong> of {principal.tenantName}.
            </>
          )}
        </p>
      </div>

      <section aria-labelledby="asks-heading" className={`${cardStyles} space-y-3`}>
        <h2 id="asks-heading" className="text-base font-semibold">
          What Crosslink asks for
        </h2>
        <CrosslinkPermissions />
        <p className="text-sm text-fg2">
          Crosslink gets no application permissions in your organization: it can never act in Azure on its own, read other people&apos;s resources, or
          change your directory. Signing in to Crosslink asks only for the sign-in permissions; Azure access is asked the first time someone files a request.
        </p>
      </section>

      <section aria-labelledby="users-heading" className={`${cardStyles} space-y-3`}>
        <h2 id="users-heading" className="text-base font-semibold">
          How people in your organization get access
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm text-fg1">
          <li>
            <strong>If your organization lets users consent</strong>, each person sees a Microsoft consent screen the first time Crosslink needs Azure, and
            accepts it for themselves.
          </li>
          <li>
            <strong>If only administrators may consent</strong> (the default in many organizations), people see &ldquo;Need admin approval&rdquo; instead.
            An administrator grants consent once, below, for everyone; nobody is asked again.
          </li>
        </ul>
      </section>

      <section id="admin-consent" aria-labelledby="admin-heading" className={`${cardStyles} space-y-3`}>
        <h2 id="admin-heading" className="text-base font-semibold">
          Grant admin consent for your organization
        </h2>
        <p className="text-sm text-fg1">
          For a Global Administrator, Privileged Role Administrator, Cloud Application Administrator or Application Administrator of your organization.
          You sign in with Microsoft, review the permissions above and accept them for your organization; then you come back here.
        </p>
        {problem && (
          <p role="alert" className="rounded-fl bg-danger-bg px-3 py-2 text-sm text-danger">
            {problem}
          </p>
        )}
        <form action="/onboard/start" method="get" className="space-y-3">
          <div className="space-y-1.5">
            <label htmlFor="onboard-tenant" className="block text-sm font-semibold">
              Organization <span className="font-normal text-fg3">(optional)</span>
            </label>
            <input
              id="onboard-tenant"
              name="tenant"
              aria-describedby="onboard-tenant-hint"
              className="w-full rounded-fl border border-stroke bg-surface px-3 py-1.5 text-sm text-fg1"
              placeholder="contoso.onmicrosoft.com"
              autoComplete="off"
              spellCheck={false}
            />
            <p id="onboard-tenant-hint" className="text-xs text-fg2">
              Your tenant ID or a domain of your organization. Leave it empty to sign in with any work account.
            </p>
          </div>
          <button type="submit" className={buttonStyles.primary}>
            Grant admin consent
          </button>
        </form>
      </section>

      <p className="text-sm text-fg2">
        Already onboarded?{" "}
        <Link href={principal ? "/requests/new" : "/auth/sign-in"} className={inlineLinkStyles}>
          {principal ? "File a connection request" : "Sign in"}
        </Link>
        .
      </p>
    </div>
  );
}
