import { NextResponse } from "next/server";
import { callbackParamsSchema, completeSignIn } from "@/lib/auth/sign-in";
import { sessionCookieName } from "@/lib/auth/session-store";
import { logger } from "@/lib/log/logger";
import type { Services } from "@/lib/services";
import { sessionCookieOptions } from "@/app/_lib/http";
import { route } from "@/app/_lib/route";

/**
 * The redirect URI registered with Entra ID. Accepts the query response mode (GET) and form_post
 * (POST). Any failure lands on /auth/error with a plain-words reason; nothing is half-signed-in.
 */
async function handle({ services, requestId }: { services: Services; requestId: string }, params: Record<string, string>) {
  const config = services.config;
  const parsed = callbackParamsSchema.safeParse(params);
  // Only codes travel in the URL; the error page words them, so a crafted link cannot put
  // arbitrary text on our page.
  const fail = (reason: string, code?: string) => {
    const url = new URL("/auth/error", config.appBaseUrl);
    url.searchParams.set("reason", reason);
    if (code) url.searchParams.set("code", code);
    url.searchParams.set("ref", requestId);
    return NextResponse.redirect(url, { status: 303 });
  };
  if (!parsed.success) return fail("invalid_state");
  try {
    const result = await completeSignIn(services.db, config, parsed.data, { requestId });
    if (!result.ok) return fail(result.reason, result.code);
    const response = NextResponse.redirect(new URL(result.returnTo, config.appBaseUrl), { status: 303 });
    response.cookies.set(
      sessionCookieName(config.appBaseUrl),
      result.sessionToken,
      sessionCookieOptions(config.appBaseUrl, result.expiresAt),
    );
    return response;
  } catch (err) {
    logger().error({ requestId, err }, "sign-in callback failed");
    return fail("unavailable");
  }
}

export const GET = route({ auth: "none" }, (ctx) => handle(ctx, Object.fromEntries(ctx.request.nextUrl.searchParams)));

export const POST = route({ auth: "none", crossOrigin: "allow" }, async (ctx) => {
  const form = await ctx.request.formData().catch(() => null);
  const params: Record<string, string> = {};
  form?.forEach((value, key) => {
    if (typeof value === "string") params[key] = value;
  });
  return handle(ctx, params);
});
