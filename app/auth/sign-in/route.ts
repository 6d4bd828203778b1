import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/app/_lib/route";
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
  claims: claimsChallenge.optional().catch(undefined),
});

/** Starts the authorization code + PKCE flow and sends the browser to the identity provider. */
export const GET = route({ auth: "none", query }, async ({ services, query, requestId }) => {
  try {
    const url = await startSignIn(services.db, services.config, query);
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
