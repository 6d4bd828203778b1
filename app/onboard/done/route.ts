import { NextResponse } from "next/server";
import { route } from "@/app/_lib/route";
import { adminConsentAnswerSchema, completeAdminConsent } from "@/lib/auth/admin-consent";
import { logger } from "@/lib/log/logger";

/**
 * Where Entra's admin consent endpoint sends the administrator back (a registered redirect URI).
 * Completes the flow once, then shows the result page; only the flow's ID travels in the URL, so a
 * crafted link cannot make the page claim a consent that was not given.
 */
export const GET = route({ auth: "none" }, async ({ services, request, requestId }) => {
  const to = (path: string) => NextResponse.redirect(new URL(path, services.config.appBaseUrl), { status: 303 });
  const parsed = adminConsentAnswerSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return to("/onboard/result?problem=invalid_state");
  try {
    const flowId = await completeAdminConsent(services.db, parsed.data, { requestId });
    return to(flowId ? `/onboard/result?flow=${encodeURIComponent(flowId)}` : "/onboard/result?problem=invalid_state");
  } catch (err) {
    logger().error({ requestId, err }, "admin consent answer failed");
    return to("/onboard/result?problem=unavailable");
  }
});
