import type { Metadata } from "next";
import { buttonStyles, cardStyles } from "@/app/_components/ui";

export const metadata: Metadata = { title: "Signed out" };

export default function SignedOutPage() {
  return (
    <div className={`${cardStyles} max-w-2xl space-y-4`}>
      <h1 className="text-xl font-semibold">You are signed out</h1>
      <p className="text-fg2">Your Crosslink session has ended and you were signed out of your organization&apos;s sign-in page.</p>
      <a href="/auth/sign-in" className={buttonStyles.primary}>
        Sign in again
      </a>
    </div>
  );
}
