import { describe, expect, it, vi } from "vitest";
import { parseEmailList, parseRouteInput, type RouteInputResult } from "./route-input";
import type { OutgoingPolicy } from "./ssrf/address";
import type { Resolve } from "./ssrf/resolve";

const AZURE: OutgoingPolicy = { mode: "azure", allowLoopback: false };
const LOCAL: OutgoingPolicy = { mode: "local", allowLoopback: true };

const resolve: Resolve = async (hostname) => {
  const answers: Record<string, string[]> = {
    "hooks.contoso.example": ["20.50.2.1"],
    "contoso.example": ["10.1.2.3"],
    "prod-00.westeurope.logic.azure.com": ["20.86.93.32"],
    "hooks.slack.com": ["54.192.1.1"],
  };
  const found = answers[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return found;
};

const GOOD_WEBHOOK = {
  name: "Orders on-call",
  channel: "webhook",
  purpose: "notify",
  scope: "tenant",
  events: ["request.pending", "request.withdrawn"],
  target: "https://hooks.contoso.example/crosslink",
};

function errorsOf(result: RouteInputResult): Record<string, string[]> {
  if (result.ok) throw new Error("the input was accepted");
  return result.fieldErrors;
}

async function fieldErrors(patch: Record<string, unknown>, policy: OutgoingPolicy = AZURE): Promise<Record<string, string[]>> {
  return errorsOf(await parseRouteInput({ ...GOOD_WEBHOOK, ...patch }, policy, resolve));
}

describe("parseRouteInput: good input", () => {
  it("accepts a webhook route and returns it trimmed", async () => {
    const result = await parseRouteInput({ ...GOOD_WEBHOOK, name: "  Orders on-call  ", target: " https://hooks.contoso.example/crosslink " }, AZURE, resolve);
    expect(result).toEqual({ ok: true, value: { ...GOOD_WEBHOOK, name: "Orders on-call" } });
  });

  it("accepts an email route and normalises its addresses", async () => {
    const result = await parseRouteInput(
      { ...GOOD_WEBHOOK, channel: "email", purpose: "escalation", scope: "cm1a2b3c4d5e6f7g8h9i0j", events: "request.escalated", target: "Ops@Contoso.example; priya@contoso.example,\nops@contoso.example\r\n" },
      AZURE,
      resolve,
    );
    expect(result).toEqual({
      ok: true,
      value: { name: "Orders on-call", channel: "email", purpose: "escalation", scope: "cm1a2b3c4d5e6f7g8h9i0j", events: ["request.escalated"], target: "ops@contoso.example, priya@contoso.example" },
    });
  });

  it("accepts Teams and Slack URLs that resolve to public addresses, and drops repeated events", async () => {
    const teams = await parseRouteInput(
      { ...GOOD_WEBHOOK, channel: "teams", events: ["request.pending", "request.pending"], target: "https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x" },
      AZURE,
      resolve,
    );
    expect(teams.ok && teams.value.events).toEqual(["request.pending"]);
    expect((await parseRouteInput({ ...GOOD_WEBHOOK, channel: "slack", target: "https://hooks.slack.com/services/T0/B0/xyz" }, AZURE, resolve)).ok).toBe(true);
  });

  it("accepts an http loopback receiver in local mode when loopback is allowed", async () => {
    const result = await parseRouteInput({ ...GOOD_WEBHOOK, target: "http://localhost:4000/hook" }, LOCAL, async () => ["127.0.0.1", "::1"]);
    expect(result.ok).toBe(true);
  });
});

describe("parseRouteInput: each bad field gets its own message", () => {
  it("refuses a missing, empty or long name", async () => {
    expect(await fieldErrors({ name: undefined })).toEqual({ name: ["Give the route a name."] });
    expect(await fieldErrors({ name: "   " })).toEqual({ name: ["Give the route a name."] });
    expect(await fieldErrors({ name: "x".repeat(101) })).toEqual({ name: ["Keep the name to 100 characters."] });
    expect((await parseRouteInput({ ...GOOD_WEBHOOK, name: "x".repeat(100) }, AZURE, resolve)).ok).toBe(true);
  });

  it("refuses a header injection attempt in the name", async () => {
    const message = ["Write the name on one line, without line breaks or control characters."];
    for (const name of ["Ops\r\nBcc: attacker@evil.example", "Ops\nX-Priority: 1", "Ops\rcc", "Ops\u0000", "Ops\u2028next", "Ops\tTab", "Ops\u0085"]) {
      expect(await fieldErrors({ name }), JSON.stringify(name)).toEqual({ name: message });
    }
  });

  it("refuses an unknown channel, purpose or scope", async () => {
    expect(await fieldErrors({ channel: "sms" })).toEqual({ channel: ["Choose email, webhook, Microsoft Teams or Slack."] });
    expect(await fieldErrors({ purpose: "shout" })).toEqual({ purpose: ["Choose whether the route notifies or escalates."] });
    expect(await fieldErrors({ scope: "" })).toEqual({ scope: ["Choose the whole tenant or one resource."] });
    expect(await fieldErrors({ scope: "../other-tenant" })).toEqual({ scope: ["Choose the whole tenant or one resource."] });
    expect(await fieldErrors({ scope: "a".repeat(65) })).toEqual({ scope: ["Choose the whole tenant or one resource."] });
  });

  it("refuses no events and unknown events", async () => {
    expect(await fieldErrors({ events: [] })).toEqual({ events: ["Choose at least one event."] });
    expect(await fieldErrors({ events: undefined })).toEqual({ events: ["Choose at least one event."] });
    expect(await fieldErrors({ events: ["request.pending", "route.test", "nope", "nope2"] })).toEqual({ events: ["Choose events from the list."] });
  });

  it("refuses URLs the SSRF guard refuses, with its message", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ target: "" }, "Enter the URL of your webhook receiver."],
      [{ channel: "teams", target: "  " }, "Paste the Teams Workflows webhook URL."],
      [{ channel: "slack", target: "" }, "Paste the Slack incoming webhook URL."],
      [{ target: "hooks.contoso.example/crosslink" }, "Enter a full URL, like https://hooks.example.com/crosslink."],
      [{ target: "http://hooks.contoso.example/crosslink" }, "Use https:// — Crosslink only calls https URLs in Azure mode."],
      [{ target: "https://ops:hunter2@hooks.contoso.example/" }, "Remove the user name and password from the URL; use the route's signing secret instead."],
      [{ target: `https://hooks.contoso.example/${"a".repeat(2048)}` }, "That URL is longer than 2,048 characters; use a shorter one."],
      [{ target: "https://10.0.0.5/hook" }, "10.0.0.5 is a private network address (10.0.0.0/8); Crosslink only calls public addresses."],
      [{ target: "https://169.254.169.254/metadata" }, "169.254.169.254 is the cloud instance metadata address (169.254.169.254/32); Crosslink only calls public addresses."],
      [{ target: "https://0x7f.1/" }, "127.0.0.1 is a loopback address (127.0.0.0/8); Crosslink only calls public addresses."],
      [{ target: "https://localhost/hook" }, "localhost is a loopback name (localhost and *.localhost); Crosslink only calls public addresses."],
      [{ target: "https://contoso.example/hook" }, "contoso.example resolves to 10.1.2.3, a private network address (10.0.0.0/8); Crosslink only calls public addresses."],
      [{ target: "https://nowhere.contoso.example/hook" }, "nowhere.contoso.example does not resolve to any address; check the host name."],
    ];
    for (const [patch, message] of cases) {
      expect(await fieldErrors(patch), JSON.stringify(patch)).toEqual({ target: [message] });
    }
  });

  it("refuses addresses that are not email addresses, each named", async () => {
    const email = { channel: "email" };
    expect(await fieldErrors({ ...email, target: "" })).toEqual({ target: ["Enter at least one email address."] });
    expect(await fieldErrors({ ...email, target: " ;, \n" })).toEqual({ target: ["Enter at least one email address."] });
    expect(await fieldErrors({ ...email, target: "ops@contoso.example, not-an-address, x@" })).toEqual({
      target: ['"not-an-address" is not an email address.', '"x@" is not an email address.'],
    });
    for (const bad of ["Ops Team <ops@contoso.example>", '"ops"@contoso.example', "ops @contoso.example", "ops@contoso", "ops@@contoso.example", "ops@contoso.example>", "=?utf-8?q?x?=@contoso.example"]) {
      const errors = await fieldErrors({ ...email, target: bad });
      expect(errors.target?.length, bad).toBeGreaterThan(0);
      expect(errors.target?.every((m) => m.endsWith("is not an email address.")), bad).toBe(true);
    }
  });

  it("refuses a header injection attempt in the addresses", async () => {
    // The line break separates; what follows it is not an address.
    expect(await fieldErrors({ channel: "email", target: "ops@contoso.example\r\nBcc: attacker@evil.example" })).toEqual({
      target: ['"Bcc: attacker@evil.example" is not an email address.'],
    });
    expect(await fieldErrors({ channel: "email", target: "ops@contoso.example\u0000bcc@evil.example" })).toEqual({
      target: ['"ops@contoso.examplebcc@evil.example" is not an email address.'],
    });
  });

  it("refuses more than 20 addresses", async () => {
    const addresses = Array.from({ length: 21 }, (_, i) => `person${i}@contoso.example`);
    expect(await fieldErrors({ channel: "email", target: addresses.join(", ") })).toEqual({
      target: ["Enter at most 20 email addresses; use a distribution list for more."],
    });
    expect((await parseRouteInput({ ...GOOD_WEBHOOK, channel: "email", target: addresses.slice(0, 20).join("\n") }, AZURE, resolve)).ok).toBe(true);
  });

  it("reports every bad field at once", async () => {
    const errors = errorsOf(await parseRouteInput({ name: "", channel: "webhook", purpose: "x", scope: "tenant", events: [], target: "http://10.0.0.1/" }, AZURE, resolve));
    expect(Object.keys(errors).sort()).toEqual(["events", "name", "purpose", "target"]);
  });

  it("does not judge the target when the channel is unknown, and resolves nothing then", async () => {
    const spy = vi.fn(resolve);
    const errors = errorsOf(await parseRouteInput({ ...GOOD_WEBHOOK, channel: "pager" }, AZURE, spy));
    expect(errors).toEqual({ channel: ["Choose email, webhook, Microsoft Teams or Slack."] });
    expect(spy).not.toHaveBeenCalled();
  });

  it("refuses input that is not a form", async () => {
    for (const raw of [null, undefined, "name=x", 42]) {
      expect(await parseRouteInput(raw, AZURE, resolve)).toEqual({ ok: false, fieldErrors: { form: ["The form was empty; fill it in and send it again."] } });
    }
  });
});

describe("parseEmailList", () => {
  it("splits on commas, semicolons and new lines, lower-cases and removes repeats", () => {
    expect(parseEmailList("A@X.example;b@y.example\n\nc@z.example , a@x.example")).toEqual({ ok: true, value: "a@x.example, b@y.example, c@z.example" });
  });

  it("quotes a bad item on one short line", () => {
    const result = parseEmailList(`${"x".repeat(100)} y`);
    expect(result).toEqual({ ok: false, errors: [`"${"x".repeat(57)}..." is not an email address.`] });
  });
});
