import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/app/_lib/route";
import { startAdminConsent, tenantHintSchema } from "@/lib/auth/admin-consent";
import { logger } from "@/lib/log/logger";

const query = z.object({
  // Empty means "any work account" (the organizations endpoint); a malformed one goes back to the form.
  tenant: z.union([z.literal(""), tenantHintSchema]).optional().catch("invalid"),
});

/** The onboarding page's form: keeps the state, then sends the administrator to Entra's admin consent. */
export const GET = route({ auth: "none", query }, async ({ services, query, requestId }) => {
  const back = (problem: string) => NextResponse.redirect(new URL(`/onboard?problem=${problem}#admin-consent`, services.config.appBaseUrl), { status: 303 });
  if (query.tenant === "invalid") return back("tenant");
  try {
    return NextResponse.redirect(await startAdminConsent(services.db, services.config, { tenant: query.tenant || undefined }), { status: 302 });
  } catch (err) {
    logger().error({ requestId, err }, "could not start admin consent");
    return back("unavailable");
  }
});
