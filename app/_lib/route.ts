import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { authorize, type Requirement } from "@/lib/auth/authorize";
import type { Principal } from "@/lib/auth/principal";
import { AppError, ValidationError } from "@/lib/core/errors";
import { errorAnswer, type ErrorAnswer } from "@/lib/core/error-answer";
import { parseInput } from "@/lib/core/parse";
import { getSharedServices, type Services } from "@/lib/services";
import { withAzureClientRequestId } from "@/lib/azure/client-request-id";
import { requestIdOf } from "./http";
import { isCrossOrigin } from "./same-origin";
import { principalFromCookies } from "./session";

/**
 * The one wrapper of every route handler: who is asking (and with which role), the parsed path
 * parameters and query, the services, the request id; then the use case. Every failure answers
 * in the one JSON error shape, with the status from lib/core/error-answer.ts:
 *   { "error": { "code": "not_found", "message": "…", "fieldErrors"?: {…}, "requestId": "…" } }
 * Answers are never cached. State-changing methods refuse cross-origin requests (403).
 */
type Auth = "none" | Requirement;

export type RouteContext<A extends Auth, P, Q, B = undefined> = {
  request: NextRequest;
  requestId: string;
  services: Services;
  /** The signed-in person; none for routes with `auth: "none"` (they read the session themselves if they need to). */
  principal: A extends "none" ? null : Principal;
  params: P;
  query: Q;
  body: B;
};

type Options<A extends Auth, PS extends z.ZodType | undefined, QS extends z.ZodType | undefined, BS extends z.ZodType | undefined> = {
  /** "none": anyone (sign-in, health); otherwise the requirement the principal must meet. */
  auth: A;
  params?: PS;
  query?: QS;
  /** A JSON body; anything else (not JSON, wrong shape) is a 400 with a message per field. */
  body?: BS;
  /**
   * "allow" only where another site legitimately posts to us: the identity provider's form_post
   * to the sign-in callback (protected by its single-use state instead).
   */
  crossOrigin?: "refuse" | "allow";
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

const NO_STORE = { "cache-control": "no-store" };

async function jsonBody(request: NextRequest): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ValidationError({ form: "Send a JSON body (Content-Type: application/json)." });
  }
}

function errorResponse(answer: ErrorAnswer, requestId: string): Response {
  const { status, ...error } = answer;
  return NextResponse.json({ error: { ...error, requestId } }, { status, headers: NO_STORE });
}

export function route<
  A extends Auth,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(options: Options<A, PS, QS, BS>, handler: (ctx: RouteContext<A, Parsed<PS>, Parsed<QS>, Parsed<BS>>) => Promise<Response | object>) {
  return async (request: NextRequest, segment: { params: Promise<Record<string, string | string[]>> } = { params: Promise.resolve({}) }): Promise<Response> => {
    const requestId = requestIdOf(request);
    try {
      const services = getSharedServices();
      if (options.crossOrigin !== "allow" && request.method !== "GET" && request.method !== "HEAD" && isCrossOrigin(request, services.config.appBaseUrl)) {
        throw new AppError("forbidden", "This request came from another site, so Crosslink refused it. Use Crosslink's own pages.", "cross_origin");
      }
      // The session cookie of this very request (route handlers have it at hand; no request-scoped globals).
      const principal = (options.auth === "none" ? null : authorize(await principalFromCookies(services, request.cookies), options.auth)) as RouteContext<
        A,
        unknown,
        unknown
      >["principal"];
      const params = (options.params ? parseInput(options.params, await segment.params) : undefined) as Parsed<PS>;
      const query = (options.query ? parseInput(options.query, Object.fromEntries(request.nextUrl.searchParams)) : undefined) as Parsed<QS>;
      const body = (options.body ? parseInput(options.body, await jsonBody(request)) : undefined) as Parsed<BS>;
      // Azure calls made for this request carry its id (x-ms-client-request-id).
      const result = await withAzureClientRequestId(requestId, () => handler({ request, requestId, services, principal, params, query, body }));
      if (result instanceof Response) return result;
      return NextResponse.json(result, { headers: NO_STORE });
    } catch (err) {
      return errorResponse(errorAnswer(err, requestId), requestId);
    }
  };
}
