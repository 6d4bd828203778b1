import { DEMO_TENANTS, DEMO_PASSWORD } from "../../dev/world/demo-tenants";

/** What `npm start` prints once everything answers: where to go and whom to sign in as. */
export function banner(urls: { app: string; entra: string; arm: string; mail: string }, elapsedMs: number): string {
  const rows = DEMO_TENANTS.flatMap((t) =>
    t.users.map((u) => `    ${u.username.padEnd(34)} ${t.displayName.padEnd(18)} ${u.description}`),
  );
  return [
    "",
    `✔ Crosslink is running at ${urls.app}  (ready in ${(elapsedMs / 1000).toFixed(1)} s)`,
    `  Local Entra ID: ${urls.entra}   Local Azure Resource Manager: ${urls.arm}`,
    `  Every email Crosslink sends is caught, none leaves: ${urls.app}/local/mail  (catcher API ${urls.mail}/api/messages)`,
    "",
    `  Demo users (password for all: ${DEMO_PASSWORD}):`,
    ...rows,
    "",
    "  Press Ctrl-C to stop everything.",
    "",
  ].join("\n");
}
