import { describe, expect, it, vi } from "vitest";
import type { OutgoingPolicy } from "./address";
import { systemResolve, type Resolve } from "./resolve";
import { checkOutgoingUrl, checkOutgoingUrlResolved } from "./url";

const AZURE: OutgoingPolicy = { mode: "azure", allowLoopback: false };
const LOCAL: OutgoingPolicy = { mode: "local", allowLoopback: false };
const LOCAL_LOOPBACK: OutgoingPolicy = { mode: "local", allowLoopback: true };

const PUBLIC_ONLY = "Crosslink only calls public addresses.";

function refusal(raw: string, policy: OutgoingPolicy) {
  const check = checkOutgoingUrl(raw, policy);
  if (check.ok) throw new Error(`${raw} was accepted`);
  return check;
}

/** Every spelling of 127.0.0.1 the WHATWG parser accepts in a URL, and what it means. */
const LOOPBACK_SPELLINGS = [
  "https://127.0.0.1/",
  "https://2130706433/",
  "https://0177.0.0.1/",
  "https://0177.0000.0000.0001/",
  "https://0x7f.1/",
  "https://0x7f.0x0.0x0.0x1/",
  "https://0x7f000001/",
  "https://017700000001/",
  "https://127.1/",
  "https://127.0.1/",
  "https://127.0.0.1./",
  "https://%31%32%37.0.0.1/",
  "https://127.0.0.1%2e/",
  "https://１２７.０.０.１/",
  "https://127。0。0。1/",
  "https://127.0.0.1:443/",
  "https://[::ffff:127.0.0.1]/",
  "https://[::ffff:7f00:1]/",
  "https://[0:0:0:0:0:ffff:7f00:1]/",
  "https://[0000:0000:0000:0000:0000:ffff:127.0.0.1]/",
  "https://[::127.0.0.1]/",
  "https://[64:ff9b::127.0.0.1]/",
  "https://[2002:7f00:1::1]/",
];

describe("checkOutgoingUrl", () => {
  it("refuses what is not a URL", () => {
    for (const raw of ["", "not a url", "hooks.example.com/crosslink", "https://", "https://exa mple.com/", "https://[fe80::1%25eth0]/", "https://1.2.3.4.5/", "https://256.1/"]) {
      expect(refusal(raw, AZURE)).toEqual({ ok: false, code: "not_url", message: "Enter a full URL, like https://hooks.example.com/crosslink." });
    }
  });

  it("refuses a URL longer than 2,048 characters and accepts one of exactly 2,048", () => {
    const base = "https://hooks.example.com/";
    const exact = base + "a".repeat(2048 - base.length);
    expect(checkOutgoingUrl(exact, AZURE).ok).toBe(true);
    expect(refusal(exact + "a", AZURE)).toEqual({ ok: false, code: "too_long", message: "That URL is longer than 2,048 characters; use a shorter one." });
  });

  it("takes only https in azure mode, and http too in local mode", () => {
    expect(refusal("http://hooks.example.com/x", AZURE)).toEqual({
      ok: false,
      code: "scheme",
      message: "Use https:// — Crosslink only calls https URLs in Azure mode.",
    });
    expect(checkOutgoingUrl("http://hooks.example.com/x", LOCAL).ok).toBe(true);
    expect(checkOutgoingUrl("https://hooks.example.com/x", AZURE).ok).toBe(true);
    for (const raw of ["ftp://hooks.example.com/x", "file:///etc/passwd", "javascript:alert(1)", "data:text/plain,hi", "ws://hooks.example.com/", "gopher://hooks.example.com/"]) {
      expect(refusal(raw, AZURE).code).toBe("scheme");
      expect(refusal(raw, LOCAL)).toEqual({ ok: false, code: "scheme", message: "Use an https:// (or, in local mode, http://) URL." });
    }
  });

  it("refuses credentials in the URL", () => {
    for (const raw of ["https://user:pass@hooks.example.com/", "https://user@hooks.example.com/", "https://:secret@hooks.example.com/", "https://127.0.0.1:80@hooks.example.com/"]) {
      expect(refusal(raw, AZURE)).toEqual({
        ok: false,
        code: "credentials",
        message: "Remove the user name and password from the URL; use the route's signing secret instead.",
      });
    }
  });

  it.each(LOOPBACK_SPELLINGS)("sees %s as a loopback address", (raw) => {
    const check = refusal(raw, AZURE);
    expect(check.code).toBe("address");
    expect(check.message).toMatch(/loopback address \(127\.0\.0\.0\/8\); Crosslink only calls public addresses\.$/);
    // Local mode with loopback allowed takes them all: they are loopback and nothing else.
    expect(checkOutgoingUrl(raw, LOCAL_LOOPBACK).ok).toBe(true);
  });

  it("names the address and its range", () => {
    expect(refusal("https://10.1.2.3/hook", AZURE).message).toBe(`10.1.2.3 is a private network address (10.0.0.0/8); ${PUBLIC_ONLY}`);
    expect(refusal("https://0xa9.0xfe.0xa9.0xfe/latest/meta-data", AZURE).message).toBe(
      `169.254.169.254 is the cloud instance metadata address (169.254.169.254/32); ${PUBLIC_ONLY}`,
    );
    expect(refusal("https://[::1]:8443/", AZURE).message).toBe(`::1 is a loopback address (::1/128); ${PUBLIC_ONLY}`);
    expect(refusal("https://[::ffff:a9fe:a9fe]/", AZURE).message).toBe(
      `::ffff:a9fe:a9fe is an IPv4-mapped IPv6 address for 169.254.169.254, the cloud instance metadata address (169.254.169.254/32); ${PUBLIC_ONLY}`,
    );
  });

  it("refuses other special literal hosts in every spelling", () => {
    const cases: [string, string][] = [
      ["https://0/", "0.0.0.0/8"],
      ["https://0.0.0.0/", "0.0.0.0/8"],
      ["https://[::]/", "::/128"],
      ["https://167772161/", "10.0.0.0/8"],
      ["https://0xa000001/", "10.0.0.0/8"],
      ["https://10.1/", "10.0.0.0/8"],
      ["https://0300.0250.0.1/", "192.168.0.0/16"],
      ["https://172.16.1/", "172.16.0.0/12"],
      ["https://2852039166/", "169.254.169.254/32"],
      ["https://168.63.129.16/", "168.63.129.16/32"],
      ["https://2822734096/", "168.63.129.16/32"],
      ["https://100.100.100.200/", "100.100.100.200/32"],
      ["https://[fd00:ec2::254]/", "fd00:ec2::254/128"],
      ["https://100.64.0.1/", "100.64.0.0/10"],
      ["https://[fe80::1]/", "fe80::/10"],
      ["https://[fd00::1]/", "fc00::/7"],
      ["https://198.18.0.1/", "198.18.0.0/15"],
      ["https://192.0.0.8/", "192.0.0.0/24"],
      ["https://240.0.0.1/", "240.0.0.0/4"],
      ["https://255.255.255.255/", "255.255.255.255/32"],
      ["https://4294967295/", "255.255.255.255/32"],
      ["https://224.0.0.251/", "224.0.0.0/4"],
      ["https://192.0.2.1/", "192.0.2.0/24"],
      ["https://[2001:db8::1]/", "2001:db8::/32"],
      ["https://[64:ff9b::a00:1]/", "10.0.0.0/8"],
      ["https://[2002:a00:1::1]/", "10.0.0.0/8"],
      ["https://[2001:0:a00:1::1]/", "10.0.0.0/8"],
      ["https://[::10.0.0.1]/", "10.0.0.0/8"],
    ];
    // Loopback allowed: every one of these is refused for what it is, not for being loopback.
    for (const [raw, range] of cases) {
      const check = refusal(raw, LOCAL_LOOPBACK);
      expect(check.code, raw).toBe("address");
      expect(check.message, raw).toContain(`(${range}); ${PUBLIC_ONLY}`);
    }
  });

  it("takes public literal addresses", () => {
    for (const raw of ["https://8.8.8.8/hook", "https://134744072/hook", "https://[2606:4700:4700::1111]/hook", "https://[::ffff:8.8.8.8]/hook"]) {
      expect(checkOutgoingUrl(raw, AZURE).ok, raw).toBe(true);
    }
  });

  it("treats localhost and *.localhost as loopback", () => {
    for (const raw of ["https://localhost/", "https://LOCALHOST:8443/", "https://localhost./", "https://receiver.localhost/", "https://a.b.localhost./"]) {
      expect(refusal(raw, AZURE)).toEqual({ ok: false, code: "address", message: expect.stringContaining(`is a loopback name (localhost and *.localhost); ${PUBLIC_ONLY}`) });
      expect(checkOutgoingUrl(raw, LOCAL_LOOPBACK).ok, raw).toBe(true);
    }
    expect(refusal("https://localhost/", { mode: "azure", allowLoopback: true }).code).toBe("address");
    // Only the name itself: a domain that merely contains the word is an ordinary name.
    expect(checkOutgoingUrl("https://localhost.example.com/", AZURE).ok).toBe(true);
    expect(checkOutgoingUrl("https://mylocalhost/", AZURE).ok).toBe(true);
  });

  it("returns the parsed URL", () => {
    const check = checkOutgoingUrl("https://Hooks.Example.com:8443/a/b?c=d", AZURE);
    expect(check.ok && check.url.href).toBe("https://hooks.example.com:8443/a/b?c=d");
  });
});

/** A resolver answering from a table; unknown names do not resolve. */
function table(answers: Record<string, string[]>): Resolve {
  return async (hostname) => {
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return found;
  };
}

describe("checkOutgoingUrlResolved", () => {
  const resolve = table({
    "contoso.example": ["10.1.2.3"],
    "public.example": ["20.50.2.1", "2a01:111:f400::1"],
    "mixed.example": ["20.50.2.1", "169.254.169.254"],
    "v6only.example": ["2606:4700::1", "fd12::1"],
    "mapped.example": ["::ffff:192.168.1.5"],
    "cgnat.example": ["100.64.1.1"],
    "loop.example": ["127.0.0.1"],
    "empty.example": [],
  });

  it("refuses a name resolving to a private address, naming both", async () => {
    expect(await checkOutgoingUrlResolved("https://contoso.example/hook", AZURE, resolve)).toEqual({
      ok: false,
      code: "address",
      message: `contoso.example resolves to 10.1.2.3, a private network address (10.0.0.0/8); ${PUBLIC_ONLY}`,
    });
  });

  it("refuses when any one of the addresses is refused", async () => {
    const mixed = await checkOutgoingUrlResolved("https://mixed.example/hook", AZURE, resolve);
    expect(mixed).toEqual({ ok: false, code: "address", message: expect.stringContaining("mixed.example resolves to 169.254.169.254, the cloud instance metadata address") });
    const v6 = await checkOutgoingUrlResolved("https://v6only.example/hook", AZURE, resolve);
    expect(v6).toEqual({ ok: false, code: "address", message: expect.stringContaining("v6only.example resolves to fd12::1, a unique local (private) address (fc00::/7)") });
  });

  it("refuses names resolving to mapped, CGNAT and loopback addresses", async () => {
    expect(await checkOutgoingUrlResolved("https://mapped.example/", AZURE, resolve)).toMatchObject({ ok: false, message: expect.stringContaining("for 192.168.1.5, a private network address") });
    expect(await checkOutgoingUrlResolved("https://cgnat.example/", AZURE, resolve)).toMatchObject({ ok: false, message: expect.stringContaining("carrier-grade NAT") });
    expect(await checkOutgoingUrlResolved("https://loop.example/", AZURE, resolve)).toMatchObject({ ok: false, message: expect.stringContaining("a loopback address (127.0.0.0/8)") });
    expect((await checkOutgoingUrlResolved("http://loop.example/", LOCAL_LOOPBACK, resolve)).ok).toBe(true);
  });

  it("accepts a name whose every address is public", async () => {
    const check = await checkOutgoingUrlResolved("https://public.example/hook", AZURE, resolve);
    expect(check.ok && check.url.hostname).toBe("public.example");
  });

  it("refuses a name that does not resolve, or resolves to nothing", async () => {
    const message = "nowhere.example does not resolve to any address; check the host name.";
    expect(await checkOutgoingUrlResolved("https://nowhere.example/", AZURE, resolve)).toEqual({ ok: false, code: "unresolved", message });
    expect(await checkOutgoingUrlResolved("https://empty.example/", AZURE, resolve)).toEqual({
      ok: false,
      code: "unresolved",
      message: "empty.example does not resolve to any address; check the host name.",
    });
    const flaky: Resolve = async () => {
      throw Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" });
    };
    expect(await checkOutgoingUrlResolved("https://flaky.example/", AZURE, flaky)).toEqual({
      ok: false,
      code: "unresolved",
      message: "flaky.example could not be resolved just now (the DNS lookup failed for a while); try again.",
    });
  });

  it("does the text checks first and does not resolve literal addresses", async () => {
    const spy = vi.fn(resolve);
    expect(await checkOutgoingUrlResolved("http://public.example/", AZURE, spy)).toMatchObject({ ok: false, code: "scheme" });
    expect(await checkOutgoingUrlResolved("https://0x7f.1/", AZURE, spy)).toMatchObject({ ok: false, code: "address" });
    expect(await checkOutgoingUrlResolved("https://localhost/", AZURE, spy)).toMatchObject({ ok: false, code: "address" });
    expect((await checkOutgoingUrlResolved("https://8.8.8.8/", AZURE, spy)).ok).toBe(true);
    expect(spy).not.toHaveBeenCalled();
  });

  it("uses the system resolver by default", async () => {
    expect(await systemResolve("localhost")).toEqual(expect.arrayContaining([expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]));
    // .invalid never resolves (RFC 6761).
    expect(await checkOutgoingUrlResolved("https://crosslink-test.invalid/", AZURE)).toMatchObject({ ok: false, code: "unresolved" });
  });
});
