// zod/mini: this module runs in the browser, where the full zod would add its weight to the page.
import { z } from "zod/mini";

/**
 * Reads one of Crosslink's JSON endpoints from the browser: fetch, status, a schema check before
 * the page uses any of the answer, and every way that can fail turned into a JsonError in words
 * for people. Fields a schema does not name are dropped, so a route can add fields (such as the
 * `ok: true` of older answers) without breaking a page.
 */

/** Every route's error body. Anything else on an error status gets a message naming the status. */
const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.optional(z.record(z.string(), z.string())),
    requestId: z.optional(z.string()),
  }),
});

/**
 * What the page can do about a failure:
 * - `network`: no answer at all (offline, Crosslink down); trying again may help.
 * - `sign-in`: HTTP 401; signing in again is the fix (the session ended, or Azure wants a fresh sign-in).
 * - `http`: any other error status; the message says why, trying again may help.
 * - `unexpected`: a success whose body this page does not understand (a newer server); reloading helps.
 */
export type JsonFailureKind = "network" | "sign-in" | "http" | "unexpected";

export class JsonError extends Error {
  override readonly name = "JsonError";
  readonly kind: JsonFailureKind;
  /** The HTTP status; 0 when there was no answer. */
  readonly status: number;
  /** The route's error code (e.g. `unauthenticated`), when its body said one. */
  readonly code: string | undefined;
  /** The reference to quote to an administrator: the body's requestId, else the response's x-request-id. */
  readonly requestId: string | undefined;
  readonly fieldErrors: Record<string, string> | undefined;

  constructor(init: { kind: JsonFailureKind; status: number; message: string; code?: string; requestId?: string; fieldErrors?: Record<string, string> }) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors;
  }
}

export const NETWORK_FAILED = "Crosslink could not be reached. Check your network connection, then try again.";
export const SESSION_ENDED = "Your session has ended.";
export const NOT_UNDERSTOOD = "Crosslink sent an answer this page does not understand. Reload the page to get the current version.";
const httpFailed = (status: number) => `Crosslink answered with HTTP ${status}. Try again in a moment.`;
// A 401 is fixed by signing in, not by waiting: its fallback says so.
const signInFailed = "Crosslink answered with HTTP 401: sign in again to continue.";

/**
 * GETs `url` and returns its body as `schema` reads it. Every failure is a JsonError, except an
 * abort through `signal`, which stays the fetch's own AbortError: the caller asked for it, so it
 * is nothing to show.
 */
export async function getJson<T>(
  url: string,
  schema: z.ZodMiniType<T>,
  { signal, notUnderstood = NOT_UNDERSTOOD }: { signal?: AbortSignal; /** What to say of a body the schema refuses, naming what was loaded. */ notUnderstood?: string } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new JsonError({ kind: "network", status: 0, message: NETWORK_FAILED });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFrom(response, body);
  const data = schema.safeParse(body);
  if (!data.success) throw new JsonError({ kind: "unexpected", status: response.status, message: notUnderstood, requestId: headerRequestId(response) });
  return data.data;
}

function errorFrom(response: Response, body: unknown): JsonError {
  const { status } = response;
  const said = errorBodySchema.safeParse(body);
  const error = said.success ? said.data.error : undefined;
  const kind = status === 401 ? "sign-in" : "http";
  // The session's end has one wording wherever it is noticed; other 401s (Azure wants a fresh
  // sign-in) keep the route's explanation.
  const message = status === 401 && error?.code === "unauthenticated" ? SESSION_ENDED : (error?.message ?? (status === 401 ? signInFailed : httpFailed(status)));
  return new JsonError({
    kind,
    status,
    message,
    code: error?.code,
    requestId: error?.requestId ?? headerRequestId(response),
    fieldErrors: error?.fieldErrors,
  });
}

function headerRequestId(response: Response): string | undefined {
  return response.headers.get("x-request-id") ?? undefined;
}

/** Any rejection as a JsonError (a bug in a caller's code shows as a generic failure, not a blank). */
export function asJsonError(err: unknown): JsonError {
  return err instanceof JsonError ? err : new JsonError({ kind: "unexpected", status: 0, message: "Something went wrong while loading. Try again." });
}
