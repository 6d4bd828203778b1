import { buttonStyles, inlineLinkStyles } from "../ui";

/** What Crosslink is, for people not signed in. Says only what Crosslink does today. */
export function Landing({ providerName }: { providerName: string | null }) {
  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-[28px] font-semibold leading-9 text-fg1">Private Endpoint connections across Entra tenants, without the email chase.</h1>
      <p className="text-base text-fg2" data-testid="product-summary">
        Crosslink lets a consumer in any Entra ID tenant request a private endpoint to a provider&apos;s Azure web app and creates it for them. The provider
        is told at once — Azure never tells them: the request shows in their Crosslink inbox, and goes out by email, webhook, Microsoft Teams or Slack to
        wherever their admins route it. They approve, reject or disconnect from one dashboard, with every step on the record. The consumer is emailed at
        each change and sees it in Crosslink.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <a href="/auth/sign-in" className={buttonStyles.primary}>
          Sign in with Microsoft Entra ID
        </a>
        {/* Guests of the provider tenant get its app roles only when they sign in at its authority. */}
        <a href="/auth/sign-in?tenant=provider" className={buttonStyles.secondary} data-testid="provider-sign-in">
          Provider staff: sign in to {providerName ?? "the provider's organization"}
        </a>
      </div>
      <p className="text-sm text-fg2">
        Administrator of an organization that files requests?{" "}
        <a href="/onboard" className={inlineLinkStyles}>
          Onboard your organization
        </a>{" "}
        — what Crosslink asks for, and admin consent.
      </p>
    </section>
  );
}
