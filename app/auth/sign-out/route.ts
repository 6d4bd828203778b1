import { NextResponse } from "next/server";
import { signOut } from "@/lib/auth/sign-out";
import { sessionCookieName } from "@/lib/auth/session-store";
import { sessionCookieOptions } from "@/app/_lib/http";
import { route } from "@/app/_lib/route";

/**
 * Sign-out is a POST (a link or image cannot sign anyone out), and only from Crosslink's own
 * pages: the wrapper refuses a cross-origin post with 403, so another site cannot sign people out.
 * The session is deleted here, the cookie cleared, and the browser sent to the identity
 * provider's end-session endpoint.
 */
export const POST = route({ auth: "none" }, async ({ request, services, requestId }) => {
  const name = sessionCookieName(services.config.appBaseUrl);
  const { logoutUrl } = await signOut(services.db, services.config, request.cookies.get(name)?.value, { requestId });
  const response = NextResponse.redirect(logoutUrl, { status: 303 });
  response.cookies.set(name, "", { ...sessionCookieOptions(services.config.appBaseUrl), maxAge: 0 });
  return response;
});
