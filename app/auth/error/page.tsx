import type { Metadata } from "next";
import { explainIdpError } from "@/lib/auth/idp-errors";
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
  const message = MESSAGES[reason] ?? explainIdpError(code, code);
  return (
    <div className={`${cardStyles} max-w-2xl space-y-4`} role="alert">
      <h1 className="text-xl font-semibold">Sign-in did not complete</h1>
      <p className="text-fg1" data-testid="auth-error-message">
        {message}
      </p>
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
