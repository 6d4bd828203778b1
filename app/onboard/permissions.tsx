/** The delegated permissions Crosslink asks for, in plain words, each with its technical name. */
const PERMISSIONS = [
  {
    title: "Work in Azure as the signed-in person",
    name: "Azure Resource Manager · user_impersonation",
    why: "To list the person's subscriptions and virtual networks on the request form and create the private endpoint they file, with exactly the rights they have in Azure (such as Network Contributor on a resource group). What they can't do in the Azure portal, Crosslink can't do either.",
  },
  {
    title: "Sign in and read the basic profile",
    name: "openid · profile · email",
    why: "To know who files and decides requests (name, username and email address), and to email them when their request changes.",
  },
  {
    title: "Keep access while the person uses Crosslink",
    name: "offline_access",
    why: "So background work for a request (creating the endpoint, following the provider's decision) continues without asking the person to sign in again.",
  },
] as const;

export function CrosslinkPermissions() {
  return (
    <ul className="space-y-3" data-testid="onboard-permissions">
      {PERMISSIONS.map((p) => (
        <li key={p.name} className="text-sm">
          <p className="font-semibold text-fg1">{p.title}</p>
          <p className="font-mono text-xs text-fg2">{p.name}</p>
          <p className="text-fg1">{p.why}</p>
        </li>
      ))}
    </ul>
  );
}
