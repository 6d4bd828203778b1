import type { Metadata } from "next";
import Link from "next/link";
import { adminConsentOutcome } from "@/lib/auth/admin-consent";
import { consentAdvice, explainIdpError } from "@/lib/auth/idp-errors";
import { getSharedServices } from "@/lib/services";
import { buttonStyles, cardStyles, inlineLinkStyles } from "@/app/_components/ui";

export const metadata: Metadata = { title: "Admin consent" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PROBLEMS: Record<string, string> = {
  invalid_state: "This admin consent answer has expired or was already used. Start again from the onboarding page.",
  unavailable: "The admin consent answer could not be recorded because of a problem on our side. Try again in a moment.",
};

/** The outcome of one admin consent round trip, read from the completed flow (never from the URL's words). */
export default async function AdminConsentResultPage({ searchParams }: Props) {
  const params = await searchParams;
  const flowId = typeof params.flow === "string" ? params.flow.slice(0, 64) : undefined;
  const outcome = flowId ? await adminConsentOutcome(getSharedServices().db, flowId) : null;

  if (outcome?.outcome === "granted") {
    const org = outcome.tenantName ?? "Your organization";
    return (
      <div className={`${cardStyles} mx-auto max-w-2xl space-y-4`} role="status" data-testid="admin-consent-result">
        <h1 className="text-xl font-semibold">Crosslink is onboarded</h1>
        <p className="text-fg1">
          {org}&apos;s users can now let Crosslink work in Azure as themselves — list their subscriptions and networks and file connection requests —
          without being asked to consent. Each still acts only with their own Azure rights.
        </p>
        <p className="text-xs text-fg3">Tenant ID: {outcome.tenantId}</p>
        <Link href="/requests/new" className={buttonStyles.primary}>
          File a connection request
        </Link>
      </div>
    );
  }

  const code = outcome?.outcome === "refused" ? outcome.errorCode : undefined;
  const advice = consentAdvice(code);
  const message = outcome ? (advice?.message ?? explainIdpError(code, code)) : PROBLEMS[typeof params.problem === "string" ? params.problem : ""] ?? PROBLEMS.invalid_state;
  return (
    <div className={`${cardStyles} mx-auto max-w-2xl space-y-4`} role="alert" data-testid="admin-consent-result">
      <h1 className="text-xl font-semibold">Admin consent was not given</h1>
      <p className="text-fg1">{message}</p>
      {code === "AADSTS90094" && (
        <p className="text-fg1">
          The account that signed in can&apos;t consent for the organization. Sign in with a Global Administrator, Privileged Role Administrator, Cloud
          Application Administrator or Application Administrator account.
        </p>
      )}
      {advice && code !== "AADSTS90094" && <p className="text-fg1">{advice.askAdmin}</p>}
      {code && <p className="text-xs text-fg3">Code: {code}</p>}
      <Link href="/onboard#admin-consent" className={inlineLinkStyles}>
        Back to onboarding
      </Link>
    </div>
  );
}
