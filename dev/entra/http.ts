/**
 * Small HTTP helpers over node:http(s) request/response objects: bodies, cookies, and responses
 * with the headers every answer of an identity provider should carry.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { Errors } from "./errors";

const MAX_BODY_BYTES = 256 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Errors.payloadTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Form bodies (the token endpoint, form posts). Other content types read as empty, like Entra's 900144s. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = await readBody(req);
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded")) return new URLSearchParams();
  return new URLSearchParams(body);
}

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // ignore malformed values
    }
  }
  return cookies;
}

export function appendSetCookie(res: ServerResponse, cookie: string): void {
  const current = res.getHeader("set-cookie");
  const list = Array.isArray(current) ? current : current ? [String(current)] : [];
  res.setHeader("set-cookie", [...list, cookie]);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  const all: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    pragma: "no-cache",
    "content-length": Buffer.byteLength(text),
    ...headers,
  };
  // An empty value in `headers` removes a default (e.g. pragma on cacheable documents).
  for (const [name, value] of Object.entries(all)) if (value === "") delete all[name];
  res.writeHead(status, all);
  res.end(text);
}

/** A fresh nonce for inline styles/scripts allowed by the page's CSP. */
export function cspNonce(): string {
  return randomBytes(16).toString("base64");
}

export function sendHtml(res: ServerResponse, status: number, html: string, nonce: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    pragma: "no-cache",
    // No form-action: Chrome applies it to the redirect after the sign-in post, which goes to the app.
    "content-security-policy": `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; frame-ancestors 'none'`,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    // Codes travel in URLs; never leak them to another site as a referrer.
    "referrer-policy": "no-referrer",
    "content-length": Buffer.byteLength(html),
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "cache-control": "no-store", pragma: "no-cache", "referrer-policy": "no-referrer" });
  res.end();
}
