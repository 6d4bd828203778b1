import Link from "next/link";
import { ARM_ACCESS_SIGN_IN_URL } from "@/lib/auth/arm-consent";
import { buttonStyles, inlineLinkStyles } from "@/app/_components/ui";

/**
 * Crosslink has no consent yet to work in Azure as this person (answer code
 * `arm_consent_required`): what that means, the one-step way to give it (a sign-in that also asks
 * for Azure access and comes back here), and the onboarding page for organizations where only an
 * administrator may consent.
 */
export function AzureAccessNeeded({ message, returnTo, note }: { message: string; returnTo: string; note?: string }) {
  return (
    <div role="alert" data-testid="azure-access-needed" className="space-y-2 rounded-fl border border-stroke bg-surface2 px-3 py-3 text-sm">
      <p className="font-semibold text-fg1">Crosslink needs your permission to work in Azure</p>
      <p className="text-fg1">{message}</p>
      <p className="text-fg2">
        Microsoft asks you once. If your organization lets only administrators approve apps, you&apos;ll be told so: then an administrator grants it
        for everyone on the{" "}
        <Link href="/onboard" className={inlineLinkStyles}>
          onboarding page
        </Link>
        .
      </p>
      <p>
        <a href={`${ARM_ACCESS_SIGN_IN_URL}&returnTo=${encodeURIComponent(returnTo)}`} className={buttonStyles.primary}>
          Give Crosslink access to Azure
        </a>
        {note && <span className="ml-2 text-fg2">{note}</span>}
      </p>
    </div>
  );
}
