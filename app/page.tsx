import Link from "next/link";
import { getPrincipal } from "./_lib/session";
import { buttonStyles, cardStyles } from "./_components/ui";
import { navItemsFor } from "./_components/app-header";

export default async function LandingPage() {
  const principal = await getPrincipal();
  return (
    <div className="space-y-8">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-[28px] font-semibold leading-9 text-fg1">Private Endpoint connections across Entra tenants, without the email chase.</h1>
        <p className="text-base text-fg2" data-testid="product-summary">
          Crosslink lets a consumer in any Entra ID tenant request a private endpoint to a provider&apos;s Azure web app and creates it for
          them. The provider is told at once — Azure never tells them — and approves, rejects or disconnects from one dashboard, with
          every step on the record.
        </p>
        {principal ? (
          <p className="text-fg2">
            Signed in as <strong className="text-fg1">{principal.name}</strong> of <strong className="text-fg1">{principal.tenantName}</strong>.
          </p>
        ) : (
          <a href="/auth/sign-in" className={buttonStyles.primary}>
            Sign in with Microsoft Entra ID
          </a>
        )}
      </section>
      {principal && (
        <section aria-labelledby="where-next" className="grid gap-4 sm:grid-cols-3">
          <h2 id="where-next" className="sr-only">
            Where to next
          </h2>
          {navItemsFor(principal).map((item) => (
            <Link key={item.href} href={item.href} className={`${cardStyles} block hover:border-brand`}>
              <span className="font-semibold text-brand-fg">{item.label}</span>
            </Link>
          ))}
        </section>
      )}
    </div>
  );
}
