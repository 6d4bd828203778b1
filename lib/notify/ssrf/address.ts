import net from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Which addresses Crosslink may call when it posts a webhook, a Teams card or a Slack message.
 * A route's URL is typed by an admin of a tenant, so without this check a route could make the
 * server call its own metadata service, the database next to it or anything on its network.
 *
 * `allowLoopback` exists for local mode only (the test receivers and the SMTP catcher listen on
 * localhost); it never opens private or metadata addresses.
 */
export type OutgoingPolicy = { mode: "local" | "azure"; allowLoopback: boolean };

/** Azure mode never calls this machine, whatever the flag says: a wrong setting must not open it. */
export function loopbackAllowed(policy: OutgoingPolicy): boolean {
  return policy.allowLoopback && policy.mode === "local";
}

export type AddressCheck = { ok: true } | { ok: false; range: string; message: string };

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

/** A refused range: its CIDR and what it is, in the words a form shows ("a private network address"). */
type Range<A> = { cidr: string; net: [A, number]; what: string; loopback?: true };

function ranges<A extends IPv4 | IPv6>(parse: (cidr: string) => [A, number], list: [cidr: string, what: string, loopback?: true][]): Range<A>[] {
  return list.map(([cidr, what, loopback]) => ({ cidr, net: parse(cidr), what, ...(loopback ? { loopback } : {}) }));
}

// Order matters: the first match names the range, so single metadata addresses come before the
// blocks that contain them (169.254.169.254 is named as metadata, not as link-local).
const V4_REFUSED = ranges<IPv4>((c) => ipaddr.IPv4.parseCIDR(c), [
  ["169.254.169.254/32", "the cloud instance metadata address"],
  ["168.63.129.16/32", "the Azure platform (wireserver) address"],
  ["100.100.100.200/32", "the Alibaba Cloud metadata address"],
  ["0.0.0.0/8", "an unspecified (\"this network\") address"],
  ["127.0.0.0/8", "a loopback address", true],
  ["10.0.0.0/8", "a private network address"],
  ["172.16.0.0/12", "a private network address"],
  ["192.168.0.0/16", "a private network address"],
  ["169.254.0.0/16", "a link-local address"],
  ["100.64.0.0/10", "a carrier-grade NAT (shared) address"],
  ["192.0.0.0/24", "an IETF protocol assignment address"],
  ["192.0.2.0/24", "a documentation address"],
  ["198.51.100.0/24", "a documentation address"],
  ["203.0.113.0/24", "a documentation address"],
  ["198.18.0.0/15", "a benchmarking address"],
  ["192.88.99.0/24", "a 6to4 relay anycast address"],
  ["224.0.0.0/4", "a multicast address"],
  ["255.255.255.255/32", "the broadcast address"],
  ["240.0.0.0/4", "a reserved address"],
]);

/** Named before the IPv4-embedding forms, which would otherwise claim :: and ::1 (::/96). */
const V6_SINGLE = ranges<IPv6>((c) => ipaddr.IPv6.parseCIDR(c), [
  ["fd00:ec2::254/128", "the AWS instance metadata address"],
  ["::/128", "the unspecified address"],
  ["::1/128", "a loopback address", true],
]);

const V6_REFUSED = ranges<IPv6>((c) => ipaddr.IPv6.parseCIDR(c), [
  ["64:ff9b:1::/48", "a local-use NAT64 address"],
  ["2001:2::/48", "a benchmarking address"],
  ["2001:db8::/32", "a documentation address"],
  ["3fff::/20", "a documentation address"],
  ["100::/64", "a discard-only address"],
  ["fe80::/10", "a link-local address"],
  ["fec0::/10", "a site-local address"],
  ["fc00::/7", "a unique local (private) address"],
  ["ff00::/8", "a multicast address"],
  // After Teredo (2001::/32, judged by its embedded addresses below): the rest of the block
  // holds protocol anycast and identifier prefixes, never a webhook receiver.
  ["2001::/23", "an IETF protocol assignment address"],
]);

/** Global unicast: every other IPv6 address is not on the public internet. */
const V6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");

/**
 * IPv6 forms that carry an IPv4 address: the connection may end at that IPv4 address (the
 * kernel, a NAT64 gateway or a tunnel relay translates), so they are judged by it.
 */
type Embedding = { cidr: [IPv6, number]; what: string; embedded: (a: IPv6) => IPv4[] };

const v4From = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
const last32 = (a: IPv6) => [v4From(a.parts[6]!, a.parts[7]!)];

const EMBEDDINGS: Embedding[] = [
  { cidr: ipaddr.IPv6.parseCIDR("::ffff:0:0/96"), what: "an IPv4-mapped IPv6 address", embedded: last32 },
  { cidr: ipaddr.IPv6.parseCIDR("::ffff:0:0:0/96"), what: "an IPv4-translated IPv6 address", embedded: last32 },
  // ::/128 and ::1/128 are named before this (unspecified, loopback).
  { cidr: ipaddr.IPv6.parseCIDR("::/96"), what: "an IPv4-compatible IPv6 address", embedded: last32 },
  { cidr: ipaddr.IPv6.parseCIDR("64:ff9b::/96"), what: "a NAT64 address", embedded: last32 },
  { cidr: ipaddr.IPv6.parseCIDR("2002::/16"), what: "a 6to4 address", embedded: (a) => [v4From(a.parts[1]!, a.parts[2]!)] },
  // Teredo carries the server's address as is and the client's with every bit inverted.
  {
    cidr: ipaddr.IPv6.parseCIDR("2001::/32"),
    what: "a Teredo address",
    embedded: (a) => [v4From(a.parts[2]!, a.parts[3]!), v4From(~a.parts[6]! & 0xffff, ~a.parts[7]! & 0xffff)],
  },
];

const OK: AddressCheck = { ok: true };

function refuse(range: string, what: string): AddressCheck {
  return { ok: false, range, message: `${what} (${range})` };
}

/** The first range of the list holding the address: refused, allowed (loopback by policy), or none. */
function firstMatch<A extends IPv4 | IPv6>(a: A, list: Range<A>[], policy: OutgoingPolicy): AddressCheck | null {
  for (const r of list) {
    if (!a.match(r.net)) continue;
    if (r.loopback && loopbackAllowed(policy)) return OK;
    return refuse(r.cidr, r.what);
  }
  return null;
}

function checkV4(a: IPv4, policy: OutgoingPolicy): AddressCheck {
  return firstMatch(a, V4_REFUSED, policy) ?? OK;
}

function checkV6(a: IPv6, policy: OutgoingPolicy): AddressCheck {
  const single = firstMatch(a, V6_SINGLE, policy);
  if (single) return single;
  for (const e of EMBEDDINGS) {
    if (!a.match(e.cidr)) continue;
    for (const v4 of e.embedded(a)) {
      const check = checkV4(v4, policy);
      if (!check.ok) return { ok: false, range: check.range, message: `${e.what} for ${v4.toString()}, ${check.message}` };
    }
    return OK;
  }
  const block = firstMatch(a, V6_REFUSED, policy);
  if (block) return block;
  if (!a.match(V6_GLOBAL_UNICAST)) return refuse("outside 2000::/3", "not a public internet address");
  return OK;
}

/**
 * ipaddr.js reads "::a.b.c.d" as the IPv4-mapped ::ffff:a.b.c.d; the dotted tail of an IPv6
 * address is written as two hex groups first, so "::127.0.0.1" stays IPv4-compatible.
 */
function dottedTailToHex(ip: string): string {
  return ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)(%.*)?$/, (_, a: string, b: string, c: string, d: string, zone: string | undefined) => {
    const hex = (hi: string, lo: string) => ((Number(hi) << 8) | Number(lo)).toString(16);
    return `${hex(a, b)}:${hex(c, d)}${zone ?? ""}`;
  });
}

/** Parses an address as DNS or the URL parser gives it (IPv6 may carry brackets or a zone). */
export function parseAddress(ip: string): IPv4 | IPv6 | null {
  const bare = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  if (net.isIPv6(bare)) return ipaddr.IPv6.parse(dottedTailToHex(bare));
  // Node's isIP takes dotted decimal only; ipaddr.js would also read "1.2.3" or "0x7f.1".
  if (net.isIPv4(bare)) return ipaddr.IPv4.parse(bare);
  return null;
}

/** Whether Crosslink may connect to this address; if not, which range and why, in plain words. */
export function checkAddress(ip: string, policy: OutgoingPolicy): AddressCheck {
  const a = parseAddress(ip);
  if (!a) return { ok: false, range: "", message: "not an IP address" };
  return a.kind() === "ipv4" ? checkV4(a as IPv4, policy) : checkV6(a as IPv6, policy);
}
