import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { startSignIn } from "@/lib/auth/sign-in";
import { logger } from "@/lib/log/logger";
import { requestIdOf } from "@/app/_lib/http";

const query = z.object({
  returnTo: z.string().max(2048).optional(),
  prompt: z.enum(["select_account", "login"]).optional(),
});

/** Starts the authorization code + PKCE flow and sends the browser to the identity provider. */
export async function GET(request: NextRequest) {
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  const input = parsed.success ? parsed.data : {};
  try {
    const url = await startSignIn(getDb(), getConfig(), input);
    return NextResponse.redirect(url, { status: 302 });
  } catch (err) {
    const requestId = requestIdOf(request);
    logger().error({ requestId, err }, "could not start sign-in");
    const errorUrl = new URL("/auth/error", getConfig().appBaseUrl);
    errorUrl.searchParams.set("reason", "unavailable");
    errorUrl.searchParams.set("ref", requestId);
    return NextResponse.redirect(errorUrl, { status: 302 });
  }
}
