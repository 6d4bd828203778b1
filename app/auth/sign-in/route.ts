import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/app/_lib/route";
import { principalFromCookies } from "@/app/_lib/session";
import { startSignIn } from "@/lib/auth/sign-in";
import { MAX_CLAIMS_LENGTH } from "@/lib/auth/step-up-path";
import { logger } from "@/lib/log/logger";

/** A claims challenge must be a JSON object; anything else is dropped (a plain sign-in). */
const claimsChallenge = z
  .string()
  .max(MAX_CLAIMS_LENGTH)
  .refine((value) => {
    try {
      const parsed: unknown = JSON.parse(value);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
    } catch {
      return false;
    }
  });

const query = z.object({
  returnTo: z.string().max(2048).optional().catch(undefined),
  prompt: z.enum(["select_account", "login"]).optional().catch(undefined),
  /** `arm`: also ask for Azure Resource Manager access (incremental consent). */
  access: z.enum(["arm"]).optional().catch(undefined),
  // "provider": provider staff (including B2B guests) sign in at the provider tenant's authority.
  tenant: z.enum(["provider"]).optional().catch(undefined),
  claims: claimsChallenge.optional().catch(undefined),
});

/** Starts the authorization code + PKCE flow and sends the browser to the identity provider. */
export const GET = route({ auth: "none", query }, async ({ services, query, request, requestId }) => {
  try {
    const { access, ...rest } = query;
    const armAccess = access === "arm";
    // The ARM and step-up hops are for whoever is signed in here: hint their account so the IdP does not ask which.
    const principal = armAccess || rest.claims ? await principalFromCookies(services, request.cookies) : null;
    const url = await startSignIn(services.db, services.config, { ...rest, armAccess, loginHint: principal?.username });
    return NextResponse.redirect(url, { status: 302 });
  } catch (err) {
    // A browser is waiting: an error page in words, not JSON.
    logger().error({ requestId, err }, "could not start sign-in");
    const errorUrl = new URL("/auth/error", services.config.appBaseUrl);
    errorUrl.searchParams.set("reason", "unavailable");
    errorUrl.searchParams.set("ref", requestId);
    return NextResponse.redirect(errorUrl, { status: 302 });
  }
});
