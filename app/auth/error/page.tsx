import type { Metadata } from "next";
import Link from "next/link";
import { consentAdvice, explainIdpError } from "@/lib/auth/idp-errors";
import { ID_TOKEN_REFUSALS } from "@/lib/auth/id-token-checks";
import { buttonStyles, cardStyles } from "@/app/_components/ui";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, string> = {
  invalid_state: "This sign-in link has expired or was already used. Start the sign-in again.",
  unavailable: "Sign-in could not be completed because of a problem on our side. Try again in a moment.",
  ...ID_TOKEN_REFUSALS,
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Words every sign-in failure from codes only, so a crafted link cannot put its own text here. */
export default async function AuthErrorPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 128) : undefined);
  const reason = one(params.reason) ?? "unavailable";
  const code = one(params.code);
  const ref = one(params.ref);
  const consent = MESSAGES[reason] ? undefined : consentAdvice(code);
  const message = MESSAGES[reason] ?? (consent ? consent.message : explainIdpError(code, code));
  return (
    <div className={`${cardStyles} max-w-2xl space-y-4`} role="alert">
      <h1 className="text-xl font-semibold">Sign-in did not complete</h1>
      <p className="text-fg1" data-testid="auth-error-message">
        {message}
      </p>
      {consent && (
        <div className="space-y-2" data-testid="auth-error-consent">
          <p className="text-fg1">
            <strong>What to do:</strong> {consent.askAdmin}
          </p>
          <p>
            <Link href="/onboard" className="font-semibold text-brand-fg underline underline-offset-2">
              How your organization onboards Crosslink
            </Link>{" "}
            <span className="text-fg2">— what Crosslink asks for, and the admin consent an administrator gives.</span>
          </p>
        </div>
      )}
      {(code || ref) && (
        <p className="text-xs text-fg3">
          {code && <>Code: {code}. </>}
          {ref && <>Reference: {ref}</>}
        </p>
      )}
      <a href="/auth/sign-in" className={buttonStyles.primary}>
        Start sign-in again
      </a>
    </div>
  );
}
