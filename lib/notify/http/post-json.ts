import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import type { OutgoingPolicy } from "../ssrf/address";
import { isBlockedAddressError } from "../ssrf/guarded-lookup";
import type { Resolve } from "../ssrf/resolve";
import { checkOutgoingUrl } from "../ssrf/url";
import { agentsFor } from "./agents";
import { parseRetryAfter } from "./retry-after";

/**
 * One attempt's outcome, as the delivery log shows it. Exactly one of `status` and `error` is
 * set: a status means the receiver answered (a 3xx too: redirects are not followed), an error
 * says why no answer came. `blocked`: the SSRF policy refused the URL or an address it resolved
 * to, and no connection was made.
 */
export type PostResult = {
  status: number | null;
  latencyMs: number;
  /** The start of the response body (up to excerptLimit characters); null without an answer. */
  excerpt: string | null;
  /** From Retry-After on a 429 or 503. */
  retryAfterMs: number | null;
  error: string | null;
  blocked: boolean;
};

export type PostOptions = {
  policy: OutgoingPolicy;
  /** The whole attempt: connecting, sending, and the answer (15 s, per Standard Webhooks). */
  timeoutMs?: number;
  excerptLimit?: number;
  /** Tests make names resolve where they want; production uses the system's resolver. */
  resolve?: Resolve;
};

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_EXCERPT_LIMIT = 1024;
const USER_AGENT = "Crosslink-Notifications/1";
/** A kept-alive socket the receiver closed just before it was reused fails like this; worth one fresh try. */
const STALE_SOCKET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

class TimeoutError extends Error {
  readonly code = "ETIMEDOUT_CROSSLINK";
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: "the receiver refused the connection",
  ECONNRESET: "the receiver closed the connection before answering",
  EPIPE: "the receiver closed the connection while the request was sent",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name could not be resolved just now",
  EHOSTUNREACH: "the receiver's host cannot be reached",
  ENETUNREACH: "the receiver's network cannot be reached",
  ETIMEDOUT: "the connection timed out",
};

/**
 * Why an attempt got no answer, for the delivery log. Node's network and TLS errors name codes,
 * addresses and certificate names, never request headers; header validation errors are described
 * without their text, since a bad header value might be a secret.
 */
function describeError(err: unknown, timeoutMs: number): string {
  if (err instanceof TimeoutError) return `timed out after ${seconds(timeoutMs)}`;
  if (isBlockedAddressError(err)) return err.message;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : undefined;
  if (code && NETWORK_WORDS[code]) return `${NETWORK_WORDS[code]} (${code})`;
  if (code === "ERR_INVALID_CHAR" || code === "ERR_INVALID_HTTP_TOKEN" || code === "ERR_HTTP_INVALID_HEADER_VALUE") {
    return `a request header is not valid (${code})`;
  }
  const message = typeof e?.message === "string" ? e.message.slice(0, 300) : "unknown error";
  if (code && /CERT|TLS|SSL|SIGNATURE/.test(code)) return `TLS: ${message} (${code})`;
  return code ? `${message} (${code})` : message;
}

function requestHeaders(body: string, headers: Record<string, string>): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return {
    "user-agent": USER_AGENT,
    ...lower,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
  };
}

/**
 * POSTs a JSON body with node:http(s), so the guarded lookup checks every address at connect
 * time (fetch would resolve on its own). Never throws for network problems: the result says what
 * happened. Only the first excerptLimit characters of the answer are read; then the socket is
 * dropped, so a receiver cannot make Crosslink download a large body.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const excerptLimit = options.excerptLimit ?? DEFAULT_EXCERPT_LIMIT;
  const elapsed = () => Math.round(performance.now() - started);

  const checked = checkOutgoingUrl(url, options.policy);
  if (!checked.ok) return { status: null, latencyMs: elapsed(), excerpt: null, retryAfterMs: null, error: checked.message, blocked: true };
  const target = checked.url;
  const agents = agentsFor(options.policy, options.resolve);
  const agent = target.protocol === "https:" ? agents.https : agents.http;
  const send = target.protocol === "https:" ? https.request : http.request;

  return new Promise<PostResult>((resolvePromise) => {
    let settled = false;
    let current: http.ClientRequest | undefined;
    const settle = (result: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise({ ...result, latencyMs: elapsed() });
    };
    const fail = (err: unknown) =>
      settle({ status: null, excerpt: null, retryAfterMs: null, error: describeError(err, timeoutMs), blocked: isBlockedAddressError(err) });

    // Before the answer, the deadline is the attempt's error; after it, it only cuts the excerpt.
    let onDeadline = () => {
      const err = new TimeoutError("timed out");
      current?.destroy(err);
      fail(err);
    };
    const timer = setTimeout(() => onDeadline(), timeoutMs);

    const attempt = (mayRetry: boolean) => {
      let req: http.ClientRequest;
      try {
        req = send(target, { method: "POST", agent, headers: requestHeaders(body, headers) });
      } catch (err) {
        // Header values Node refuses (CR/LF, non-Latin-1) throw here, before anything is sent.
        fail(err);
        return;
      }
      current = req;
      req.on("error", (err: NodeJS.ErrnoException) => {
        if (settled) return;
        if (mayRetry && req.reusedSocket && err.code && STALE_SOCKET_CODES.has(err.code)) {
          attempt(false);
          return;
        }
        fail(err);
      });
      req.on("response", (res) => {
        const status = res.statusCode ?? null;
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(res.headers["retry-after"]) : null;
        let text = "";
        const finish = () => settle({ status, excerpt: text.slice(0, excerptLimit), retryAfterMs, error: null, blocked: false });
        onDeadline = () => {
          finish();
          res.destroy();
        };
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
          if (text.length >= excerptLimit) {
            finish();
            // The rest is not read: destroying the response drops the socket instead of keeping it.
            res.destroy();
          }
        });
        res.on("end", finish);
        // The answer's status stands even if its body is cut off (a reset, or the deadline).
        res.on("error", finish);
        res.on("close", finish);
      });
      req.end(body);
    };
    attempt(true);
  });
}
