/**
 * IPv4 arithmetic for subnets. Azure reserves the first four addresses of every subnet
 * (network, gateway, two for DNS) and the last one (broadcast), so the first private endpoint
 * in 10.1.1.0/24 gets 10.1.1.4 — the same address a real subnet would hand out.
 */

export type Cidr = { base: number; prefix: number; size: number };

export function parseIpv4(ip: string): number | undefined {
  const parts = ip.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

export function parseCidr(cidr: string): Cidr | undefined {
  const [ip, prefixText] = cidr.split("/");
  if (ip === undefined || prefixText === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const addr = parseIpv4(ip);
  if (addr === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const base = addr - (addr % size);
  return { base, prefix, size };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ip >= cidr.base && ip < cidr.base + cidr.size;
}

/** Addresses Azure does not hand out in a subnet. */
export function isReserved(cidr: Cidr, ip: number): boolean {
  return ip - cidr.base < 4 || ip === cidr.base + cidr.size - 1;
}

/** Lowest free usable address in the subnet, or undefined when the subnet is full. */
export function allocateIp(subnetPrefix: string, used: Iterable<string>): string | undefined {
  const cidr = parseCidr(subnetPrefix);
  if (!cidr) return undefined;
  const taken = new Set<number>();
  for (const u of used) {
    const n = parseIpv4(u);
    if (n !== undefined) taken.add(n);
  }
  for (let ip = cidr.base + 4; ip < cidr.base + cidr.size - 1; ip++) {
    if (!taken.has(ip)) return formatIpv4(ip);
  }
  return undefined;
}
