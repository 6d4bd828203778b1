import { getPrincipal } from "./_lib/session";
import { getSharedServices } from "@/lib/services";
import { pageData } from "./_lib/page";
import { providerHome } from "@/lib/home/provider-home";
import { consumerHome } from "@/lib/home/consumer-home";
import { Landing } from "./_components/home/landing";
import { ProviderWaiting } from "./_components/home/provider-waiting";
import { ConsumerWaiting } from "./_components/home/consumer-waiting";

/**
 * Signed out: what Crosslink is. Signed in: what waits for this person — as a provider, the
 * requests waiting for a decision; as a consumer, their organization's requests that need them.
 */
export default async function HomePage() {
  const principal = await getPrincipal();
  if (!principal) {
    // The provider organization's name, for its staff's own sign-in (known once seeded or signed in).
    const services = getSharedServices();
    const providerTenant = await services.db.tenant.findUnique({ where: { id: services.config.providerTenantId }, select: { displayName: true } });
    return <Landing providerName={providerTenant?.displayName ?? null} />;
  }
  const { provider, consumer } = await pageData({}, async ({ principal, services }) => {
    const [provider, consumer] = await Promise.all([
      principal.roles.includes("provider") ? providerHome(services.db, principal) : null,
      consumerHome(services.db, principal),
    ]);
    return { provider, consumer };
  });
  const now = new Date();
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">What waits for you</h1>
        <p className="text-fg2">
          Signed in as <strong className="text-fg1">{principal.name}</strong> of <strong className="text-fg1">{principal.tenantName}</strong>.
        </p>
      </div>
      {provider && <ProviderWaiting home={provider} tenantName={principal.tenantName} now={now} />}
      <ConsumerWaiting home={consumer} tenantName={principal.tenantName} now={now} />
    </div>
  );
}
