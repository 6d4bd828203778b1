import Link from "next/link";
import { cardStyles, buttonStyles } from "./_components/ui";

/** Rendered with HTTP 403 when requirePrincipal finds the person signed in but not allowed. */
export default function Forbidden() {
  return (
    <div className={`${cardStyles} max-w-2xl space-y-4`} role="alert">
      <h1 className="text-xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-fg2">
        Your account is signed in, but this page needs a role your account does not have in the provider&apos;s organization. If you think
        you should have it, ask the provider&apos;s administrator to assign you the Crosslink role in Microsoft Entra ID.
      </p>
      <Link href="/" className={buttonStyles.secondary}>
        Go to the start page
      </Link>
    </div>
  );
}
