import { describe, expect, it } from "vitest";
import { checkAddress, type OutgoingPolicy } from "./address";

const AZURE: OutgoingPolicy = { mode: "azure", allowLoopback: false };
const LOOPBACK_OK: OutgoingPolicy = { mode: "local", allowLoopback: true };

/** [address, the range it must be refused as, a word its message must contain] */
const REFUSED: [string, string, string][] = [
  // unspecified
  ["0.0.0.0", "0.0.0.0/8", "unspecified"],
  ["0.255.255.255", "0.0.0.0/8", "unspecified"],
  ["::", "::/128", "unspecified"],
  // loopback
  ["127.0.0.1", "127.0.0.0/8", "loopback"],
  ["127.255.255.254", "127.0.0.0/8", "loopback"],
  ["::1", "::1/128", "loopback"],
  // private
  ["10.0.0.1", "10.0.0.0/8", "private network"],
  ["10.255.255.255", "10.0.0.0/8", "private network"],
  ["172.16.0.1", "172.16.0.0/12", "private network"],
  ["172.31.255.254", "172.16.0.0/12", "private network"],
  ["192.168.1.1", "192.168.0.0/16", "private network"],
  // link-local
  ["169.254.1.1", "169.254.0.0/16", "link-local"],
  ["fe80::1", "fe80::/10", "link-local"],
  ["fe80::1%eth0", "fe80::/10", "link-local"],
  ["febf:ffff::1", "fe80::/10", "link-local"],
  // unique local, site-local
  ["fc00::1", "fc00::/7", "unique local"],
  ["fd12:3456:789a::1", "fc00::/7", "unique local"],
  ["fec0::1", "fec0::/10", "site-local"],
  // carrier-grade NAT
  ["100.64.0.1", "100.64.0.0/10", "carrier-grade NAT"],
  ["100.127.255.254", "100.64.0.0/10", "carrier-grade NAT"],
  // cloud metadata
  ["169.254.169.254", "169.254.169.254/32", "metadata"],
  ["168.63.129.16", "168.63.129.16/32", "wireserver"],
  ["fd00:ec2::254", "fd00:ec2::254/128", "metadata"],
  ["100.100.100.200", "100.100.100.200/32", "metadata"],
  // benchmarking, IETF protocol assignments, reserved, broadcast, multicast
  ["198.18.0.1", "198.18.0.0/15", "benchmarking"],
  ["198.19.255.254", "198.18.0.0/15", "benchmarking"],
  ["2001:2::1", "2001:2::/48", "benchmarking"],
  ["192.0.0.1", "192.0.0.0/24", "IETF protocol assignment"],
  ["192.0.0.170", "192.0.0.0/24", "IETF protocol assignment"],
  ["240.0.0.1", "240.0.0.0/4", "reserved"],
  ["254.1.2.3", "240.0.0.0/4", "reserved"],
  ["255.255.255.255", "255.255.255.255/32", "broadcast"],
  ["224.0.0.1", "224.0.0.0/4", "multicast"],
  ["239.255.255.250", "224.0.0.0/4", "multicast"],
  ["ff02::1", "ff00::/8", "multicast"],
  ["ff05::1:3", "ff00::/8", "multicast"],
  // documentation
  ["192.0.2.10", "192.0.2.0/24", "documentation"],
  ["198.51.100.10", "198.51.100.0/24", "documentation"],
  ["203.0.113.10", "203.0.113.0/24", "documentation"],
  ["2001:db8::1", "2001:db8::/32", "documentation"],
  ["3fff::1", "3fff::/20", "documentation"],
  // other IPv6 special blocks
  ["100::1", "100::/64", "discard"],
  ["64:ff9b:1::a00:1", "64:ff9b:1::/48", "NAT64"],
  ["2001:10::1", "2001::/23", "IETF protocol assignment"],
  ["5f00::1", "outside 2000::/3", "not a public internet address"],
  ["4000::1", "outside 2000::/3", "not a public internet address"],
];

/** IPv6 forms embedding an IPv4 address, judged by it: [address, embedded range, form] */
const EMBEDDED: [string, string, string][] = [
  ["::ffff:127.0.0.1", "127.0.0.0/8", "IPv4-mapped"],
  ["::ffff:7f00:1", "127.0.0.0/8", "IPv4-mapped"],
  ["::ffff:10.0.0.1", "10.0.0.0/8", "IPv4-mapped"],
  ["::ffff:169.254.169.254", "169.254.169.254/32", "IPv4-mapped"],
  ["0:0:0:0:0:ffff:a9fe:a9fe", "169.254.169.254/32", "IPv4-mapped"],
  ["::ffff:0:10.0.0.1", "10.0.0.0/8", "IPv4-translated"],
  ["::127.0.0.1", "127.0.0.0/8", "IPv4-compatible"],
  ["::192.168.0.1", "192.168.0.0/16", "IPv4-compatible"],
  ["::0.0.0.2", "0.0.0.0/8", "IPv4-compatible"],
  ["64:ff9b::10.0.0.1", "10.0.0.0/8", "NAT64"],
  ["64:ff9b::a9fe:a9fe", "169.254.169.254/32", "NAT64"],
  ["2002:7f00:1::", "127.0.0.0/8", "6to4"],
  ["2002:a00:1:1::1", "10.0.0.0/8", "6to4"],
  ["2002:c0a8:1::1", "192.168.0.0/16", "6to4"],
  // Teredo: server 10.0.0.1 in bits 32-63
  ["2001:0:a00:1::1", "10.0.0.0/8", "Teredo"],
  // Teredo: client 192.168.1.1 stored inverted (3f57:fefe) in the last 32 bits; server public
  ["2001:0:4136:e378:8000:63bf:3f57:fefe", "192.168.0.0/16", "Teredo"],
];

const ALLOWED = [
  "8.8.8.8",
  "1.1.1.1",
  "20.50.2.1",
  "52.239.0.1",
  "172.15.255.255",
  "172.32.0.1",
  "100.63.255.255",
  "100.128.0.1",
  "169.253.255.255",
  "192.0.1.1",
  "198.17.255.255",
  "198.20.0.1",
  "223.255.255.255",
  "168.63.129.17",
  "2606:4700:4700::1111",
  "2a01:111:f400::1",
  "::ffff:8.8.8.8",
  "64:ff9b::8.8.8.8",
  "2002:808:808::1",
  // Teredo with a public server and a public client (8.8.4.4 inverted: f7f7:fbfb)
  "2001:0:4136:e378:8000:63bf:f7f7:fbfb",
];

describe("checkAddress", () => {
  it.each(REFUSED)("refuses %s as %s", (ip, range, word) => {
    const check = checkAddress(ip, AZURE);
    expect(check).toEqual({ ok: false, range, message: expect.stringContaining(word) });
    if (!check.ok) expect(check.message).toContain(`(${range})`);
  });

  it.each(EMBEDDED)("refuses %s by its embedded IPv4 address (%s)", (ip, range, form) => {
    const check = checkAddress(ip, AZURE);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.range).toBe(range);
    expect(check.message).toMatch(new RegExp(`^an? ${form} .*address for \\d+\\.\\d+\\.\\d+\\.\\d+, `));
  });

  it.each(ALLOWED)("allows the public address %s", (ip) => {
    expect(checkAddress(ip, AZURE)).toEqual({ ok: true });
  });

  it("names the range in plain words", () => {
    expect(checkAddress("10.1.2.3", AZURE)).toEqual({ ok: false, range: "10.0.0.0/8", message: "a private network address (10.0.0.0/8)" });
    expect(checkAddress("::ffff:10.1.2.3", AZURE)).toEqual({
      ok: false,
      range: "10.0.0.0/8",
      message: "an IPv4-mapped IPv6 address for 10.1.2.3, a private network address (10.0.0.0/8)",
    });
  });

  it("allows loopback only when the policy does, and nothing else with it", () => {
    for (const ip of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) {
      expect(checkAddress(ip, LOOPBACK_OK)).toEqual({ ok: true });
      expect(checkAddress(ip, { mode: "local", allowLoopback: false }).ok).toBe(false);
    }
    for (const ip of ["0.0.0.0", "::", "10.0.0.1", "169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254", "fe80::1"]) {
      expect(checkAddress(ip, LOOPBACK_OK).ok).toBe(false);
    }
  });

  it("never allows loopback in azure mode, whatever the flag says", () => {
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(checkAddress(ip, { mode: "azure", allowLoopback: true }).ok).toBe(false);
    }
  });

  it("refuses what is not an IP address", () => {
    for (const ip of ["", "example.com", "1.2.3.4.5", "::g", "300.1.1.1", "127.1", "0x7f.0.0.1", "2130706433"]) {
      expect(checkAddress(ip, AZURE)).toEqual({ ok: false, range: "", message: "not an IP address" });
    }
  });
});
