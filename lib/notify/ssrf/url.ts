import net from "node:net";
import { checkAddress, loopbackAllowed, type AddressCheck, type OutgoingPolicy } from "./address";
import { describeResolveFailure, systemResolve, type Resolve } from "./resolve";

export const MAX_URL_LENGTH = 2048;
/** A form waits this long for DNS before it says so; getaddrinfo itself has no deadline. */
const RESOLVE_TIMEOUT_MS = 5000;

export type UrlRefusal = "not_url" | "too_long" | "scheme" | "credentials" | "address" | "unresolved";
export type UrlCheck = { ok: true; url: URL } | { ok: false; code: UrlRefusal; message: string };

const PUBLIC_ONLY = "Crosslink only calls public addresses.";

/** The host as node:net resolves or connects to it: IPv6 without brackets (the parser lower-cases names). */
export function bareHost(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** localhost and *.localhost always mean this machine (RFC 6761), whatever DNS says; "localhost." too. */
function isLoopbackName(host: string): boolean {
  const name = host.replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/**
 * The part of the check that needs no DNS: a literal IP host (node:net never calls a lookup for
 * one, so this is its only check) and the names that always mean this machine. Null: a name
 * that must be resolved to be judged.
 */
export function checkLiteralHost(host: string, policy: OutgoingPolicy): AddressCheck | null {
  if (net.isIP(host)) return checkAddress(host, policy);
  if (isLoopbackName(host)) {
    return loopbackAllowed(policy) ? null : { ok: false, range: "localhost", message: "a loopback name (localhost and *.localhost)" };
  }
  return null;
}

function refuse(code: UrlRefusal, message: string): UrlCheck {
  return { ok: false, code, message };
}

/**
 * Everything that can be judged from the text of an outgoing URL. The WHATWG parser has already
 * turned every spelling of an IPv4 address (2130706433, 0177.0.0.1, 0x7f.1, 127.1, full-width or
 * percent-encoded digits) into dotted decimal, so the literal check sees the address itself.
 */
export function checkOutgoingUrl(raw: string, policy: OutgoingPolicy): UrlCheck {
  if (raw.length > MAX_URL_LENGTH) {
    return refuse("too_long", `That URL is longer than ${MAX_URL_LENGTH.toLocaleString("en-US")} characters; use a shorter one.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("not_url", "Enter a full URL, like https://hooks.example.com/crosslink.");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.mode === "local")) {
    return refuse(
      "scheme",
      policy.mode === "azure" ? "Use https:// — Crosslink only calls https URLs in Azure mode." : "Use an https:// (or, in local mode, http://) URL.",
    );
  }
  if (url.username || url.password) {
    return refuse("credentials", "Remove the user name and password from the URL; use the route's signing secret instead.");
  }
  const host = bareHost(url);
  const literal = checkLiteralHost(host, policy);
  if (literal && !literal.ok) return refuse("address", `${host} is ${literal.message}; ${PUBLIC_ONLY}`);
  return { ok: true, url };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("DNS lookup timed out"), { code: "ETIMEOUT" })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The text check, then the name resolved: refused if ANY address is refused, since a connection
 * may use any of them. The form uses this; the connection itself is checked again at connect
 * time (guarded-lookup.ts), because the answer may change between now and then.
 */
export async function checkOutgoingUrlResolved(raw: string, policy: OutgoingPolicy, resolve: Resolve = systemResolve): Promise<UrlCheck> {
  const checked = checkOutgoingUrl(raw, policy);
  if (!checked.ok) return checked;
  const host = bareHost(checked.url);
  if (net.isIP(host)) return checked;

  let addresses: string[];
  try {
    addresses = await withTimeout(resolve(host), RESOLVE_TIMEOUT_MS);
  } catch (err) {
    return refuse("unresolved", describeResolveFailure(host, err));
  }
  if (addresses.length === 0) return refuse("unresolved", describeResolveFailure(host, { code: "ENOTFOUND" }));
  for (const address of addresses) {
    const check = checkAddress(address, policy);
    if (!check.ok) return refuse("address", `${host} resolves to ${address}, ${check.message}; ${PUBLIC_ONLY}`);
  }
  return checked;
}
