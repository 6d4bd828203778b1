import fs from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureCerts } from "@/dev/certs/ensure-certs";
import type { OutgoingPolicy } from "../ssrf/address";
import { checkOutgoingUrlResolved } from "../ssrf/url";
import type { Resolve } from "../ssrf/resolve";
import { postJson } from "./post-json";
import { parseRetryAfter } from "./retry-after";

const LOCAL_LOOPBACK: OutgoingPolicy = { mode: "local", allowLoopback: true };
const LOCAL_NO_LOOPBACK: OutgoingPolicy = { mode: "local", allowLoopback: false };
const AZURE: OutgoingPolicy = { mode: "azure", allowLoopback: false };

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };

/** A receiver with one behaviour per path; it records what reached it. */
function receiver() {
  const received: Received[] = [];
  let connections = 0;
  let bigClosedEarly: Promise<boolean> = Promise.resolve(false);
  let resetNextOnReusedSocket = false;
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const path = req.url ?? "";
      received.push({ path, headers: req.headers, body });
      const requestsOnSocket = ((req.socket as { requests?: number }).requests = ((req.socket as { requests?: number }).requests ?? 0) + 1);
      if (path === "/reset" || (path === "/reset-reused" && resetNextOnReusedSocket && requestsOnSocket > 1)) {
        resetNextOnReusedSocket = false;
        req.socket.destroy();
        return;
      }
      switch (path) {
        case "/ok":
        case "/reset-reused":
          res.writeHead(200, { "content-type": "text/plain" }).end("thanks");
          return;
        case "/error":
          res.writeHead(500, { "retry-after": "30" }).end("boom");
          return;
        case "/gone":
          res.writeHead(410).end("this hook is gone");
          return;
        case "/redirect":
          res.writeHead(302, { location: "/ok" }).end();
          return;
        case "/busy":
          res.writeHead(429, { "retry-after": "120" }).end("slow down");
          return;
        case "/unavailable":
          res.writeHead(503, { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() }).end();
          return;
        case "/silent":
          return; // never answers
        case "/slow-body":
          res.writeHead(200);
          res.write("first part, ");
          return; // the rest never comes
        case "/big": {
          // An endless answer: only a client that stops reading and drops the socket ends it.
          res.writeHead(200, { "content-type": "text/plain" });
          bigClosedEarly = new Promise((done) => res.on("close", () => done(!res.writableFinished)));
          const chunk = "é".repeat(4096);
          const pump = () => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once("drain", pump);
          };
          pump();
          return;
        }
        default:
          res.writeHead(404).end();
      }
    });
  };
  return {
    received,
    handler,
    onConnection: () => (connections += 1),
    connections: () => connections,
    bigClosedEarly: () => bigClosedEarly,
    resetNextReused: () => (resetNextOnReusedSocket = true),
    count: (path: string) => received.filter((r) => r.path === path).length,
  };
}

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  return (server.address() as AddressInfo).port;
}

function close(server: http.Server | https.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((closed) => server.close(() => closed()));
}

const BODY = JSON.stringify({ type: "request.pending", data: { id: "req_1" } });

describe("postJson over http", () => {
  let r: ReturnType<typeof receiver>;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    r = receiver();
    server = http.createServer(r.handler);
    server.on("connection", r.onConnection);
    base = `http://127.0.0.1:${await listen(server)}`;
  });
  afterAll(() => close(server));
  beforeEach(() => {
    r.received.length = 0;
  });

  it("posts the JSON body with its headers and reads a 2xx", async () => {
    const result = await postJson(`${base}/ok`, BODY, { "webhook-id": "msg_1", "Webhook-Signature": "v1,abc" }, { policy: LOCAL_LOOPBACK });
    expect(result).toEqual({ status: 200, latencyMs: expect.any(Number), excerpt: "thanks", retryAfterMs: null, error: null, blocked: false });
    expect(r.received).toHaveLength(1);
    const [got] = r.received;
    expect(got?.body).toBe(BODY);
    expect(got?.headers["content-type"]).toBe("application/json");
    expect(got?.headers["content-length"]).toBe(String(Buffer.byteLength(BODY)));
    expect(got?.headers["webhook-id"]).toBe("msg_1");
    expect(got?.headers["webhook-signature"]).toBe("v1,abc");
  });

  it("keeps content-type application/json whatever the caller passes", async () => {
    await postJson(`${base}/ok`, BODY, { "Content-Type": "text/plain" }, { policy: LOCAL_LOOPBACK });
    expect(r.received[0]?.headers["content-type"]).toBe("application/json");
  });

  it("reports a 500 and a 410 as statuses with their excerpts", async () => {
    expect(await postJson(`${base}/error`, BODY, {}, { policy: LOCAL_LOOPBACK })).toMatchObject({ status: 500, excerpt: "boom", error: null, blocked: false, retryAfterMs: null });
    expect(await postJson(`${base}/gone`, BODY, {}, { policy: LOCAL_LOOPBACK })).toMatchObject({ status: 410, excerpt: "this hook is gone", error: null });
  });

  it("does not follow a redirect", async () => {
    const result = await postJson(`${base}/redirect`, BODY, {}, { policy: LOCAL_LOOPBACK });
    expect(result).toMatchObject({ status: 302, excerpt: "", error: null });
    expect(r.count("/redirect")).toBe(1);
    expect(r.count("/ok")).toBe(0);
  });

  it("reads Retry-After on 429 (seconds) and 503 (an HTTP date)", async () => {
    expect(await postJson(`${base}/busy`, BODY, {}, { policy: LOCAL_LOOPBACK })).toMatchObject({ status: 429, retryAfterMs: 120_000 });
    const unavailable = await postJson(`${base}/unavailable`, BODY, {}, { policy: LOCAL_LOOPBACK });
    expect(unavailable.status).toBe(503);
    // An HTTP date has whole seconds; the hour is counted from the moment the answer was read.
    expect(unavailable.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(unavailable.retryAfterMs).toBeLessThanOrEqual(3_600_000);
  });

  it("times out a receiver that never answers", async () => {
    const result = await postJson(`${base}/silent`, BODY, {}, { policy: LOCAL_LOOPBACK, timeoutMs: 300 });
    expect(result).toEqual({ status: null, latencyMs: expect.any(Number), excerpt: null, retryAfterMs: null, error: "timed out after 0.3 s", blocked: false });
    expect(r.count("/silent")).toBe(1);
  });

  it("keeps the status of an answer whose body does not finish in time", async () => {
    const result = await postJson(`${base}/slow-body`, BODY, {}, { policy: LOCAL_LOOPBACK, timeoutMs: 300 });
    expect(result).toMatchObject({ status: 200, excerpt: "first part, ", error: null });
  });

  it("reads only the first excerptLimit characters and drops the connection", async () => {
    const result = await postJson(`${base}/big`, BODY, {}, { policy: LOCAL_LOOPBACK, excerptLimit: 100 });
    expect(result).toMatchObject({ status: 200, error: null });
    expect(result.excerpt).toBe("é".repeat(100));
    expect(await r.bigClosedEarly()).toBe(true);

    const defaultCap = await postJson(`${base}/big`, BODY, {}, { policy: LOCAL_LOOPBACK });
    expect(defaultCap.excerpt).toHaveLength(1024);
  });

  it("reuses one connection for posts to the same receiver", async () => {
    const before = r.connections();
    for (let i = 0; i < 5; i += 1) {
      expect((await postJson(`${base}/ok`, BODY, {}, { policy: LOCAL_LOOPBACK })).status).toBe(200);
    }
    // The shared agent may hold a socket from an earlier test; at most one new one is opened.
    expect(r.connections() - before).toBeLessThanOrEqual(1);
    expect(r.count("/ok")).toBe(5);
  });

  it("tries once more on a fresh connection when a kept-alive one was closed under it", async () => {
    expect((await postJson(`${base}/reset-reused`, BODY, {}, { policy: LOCAL_LOOPBACK })).status).toBe(200);
    r.resetNextReused();
    const result = await postJson(`${base}/reset-reused`, BODY, {}, { policy: LOCAL_LOOPBACK });
    expect(result).toMatchObject({ status: 200, error: null });
    expect(r.count("/reset-reused")).toBe(3);
  });

  it("reports a reset on a fresh connection without trying again", async () => {
    const result = await postJson(`${base}/reset`, BODY, {}, { policy: LOCAL_LOOPBACK, resolve: async () => ["127.0.0.1"] });
    expect(result).toMatchObject({ status: null, error: "the receiver closed the connection before answering (ECONNRESET)", blocked: false });
    expect(r.count("/reset")).toBe(1);
  });

  it("refuses loopback when the policy does not allow it, without connecting", async () => {
    const before = r.connections();
    const port = new URL(base).port;
    for (const url of [`${base}/ok`, `http://localhost:${port}/ok`, `http://2130706433:${port}/ok`, `http://[::ffff:127.0.0.1]:${port}/ok`]) {
      const result = await postJson(url, BODY, {}, { policy: LOCAL_NO_LOOPBACK });
      expect(result, url).toMatchObject({ status: null, excerpt: null, blocked: true, error: expect.stringContaining("loopback") });
    }
    // A name resolving to loopback is refused at connect time by the guarded lookup.
    const named = await postJson(`http://receiver.test:${port}/ok`, BODY, {}, { policy: LOCAL_NO_LOOPBACK, resolve: async () => ["127.0.0.1"] });
    expect(named).toMatchObject({ status: null, blocked: true, error: expect.stringContaining("receiver.test resolves to 127.0.0.1, a loopback address") });
    expect(r.connections()).toBe(before);
    expect(r.count("/ok")).toBe(0);
  });

  it("defeats DNS rebinding: the address at connect time is checked, not the one the form saw", async () => {
    const port = new URL(base).port;
    let calls = 0;
    // Public for the form's check, this machine when the connection is made.
    const rebinding: Resolve = async () => (++calls === 1 ? ["20.50.2.1"] : ["127.0.0.1"]);
    const url = `http://rebind.example:${port}/ok`;
    expect((await checkOutgoingUrlResolved(url, LOCAL_NO_LOOPBACK, rebinding)).ok).toBe(true);

    const before = r.connections();
    const result = await postJson(url, BODY, {}, { policy: LOCAL_NO_LOOPBACK, resolve: rebinding });
    expect(result).toMatchObject({ status: null, blocked: true, error: "rebind.example resolves to 127.0.0.1, a loopback address (127.0.0.0/8); Crosslink only calls public addresses." });
    expect(calls).toBe(2);
    expect(r.connections()).toBe(before);

    // The same name and resolver where loopback is allowed does connect: the lookup is the one used.
    const allowed = await postJson(url, BODY, {}, { policy: LOCAL_LOOPBACK, resolve: rebinding });
    expect(allowed).toMatchObject({ status: 200, blocked: false });
    expect(r.count("/ok")).toBe(1);
  });

  it("refuses a name that resolves to a private address among public ones", async () => {
    const port = new URL(base).port;
    const result = await postJson(`http://mixed.example:${port}/ok`, BODY, {}, { policy: LOCAL_LOOPBACK, resolve: async () => ["127.0.0.1", "192.168.4.4"] });
    expect(result).toMatchObject({ blocked: true, error: expect.stringContaining("192.168.4.4, a private network address (192.168.0.0/16)") });
    expect(r.count("/ok")).toBe(0);
  });

  it("refuses http in azure mode and URLs that are not URLs, without throwing", async () => {
    expect(await postJson(`${base}/ok`, BODY, {}, { policy: AZURE })).toMatchObject({ blocked: true, error: "Use https:// — Crosslink only calls https URLs in Azure mode." });
    expect(await postJson("not a url", BODY, {}, { policy: AZURE })).toMatchObject({ blocked: true, status: null });
    expect(r.received).toHaveLength(0);
  });

  it("reports a header Node refuses without echoing its value", async () => {
    const result = await postJson(`${base}/ok`, BODY, { "webhook-signature": "v1,secret-value\r\nX-Injected: 1" }, { policy: LOCAL_LOOPBACK });
    expect(result).toMatchObject({ status: null, blocked: false, error: expect.stringMatching(/^a request header is not valid \(ERR_\w+\)$/) });
    expect(result.error).not.toContain("secret-value");
    expect(r.received).toHaveLength(0);
  });

  it("reports a refused connection", async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await close(closed);
    const result = await postJson(`http://127.0.0.1:${port}/ok`, BODY, {}, { policy: LOCAL_LOOPBACK });
    expect(result).toMatchObject({ status: null, blocked: false, error: "the receiver refused the connection (ECONNREFUSED)" });
  });
});

describe("postJson over https", () => {
  let server: https.Server;
  let port: number;
  const r = receiver();

  beforeAll(async () => {
    const { certFile, keyFile } = await ensureCerts();
    server = https.createServer({ cert: await fs.readFile(certFile), key: await fs.readFile(keyFile) }, r.handler);
    port = await listen(server);
  });
  afterAll(() => close(server));

  it("posts to an https receiver through the guarded lookup", async () => {
    const result = await postJson(`https://localhost:${port}/ok`, BODY, {}, { policy: LOCAL_LOOPBACK, resolve: async () => ["127.0.0.1"] });
    expect(result).toMatchObject({ status: 200, excerpt: "thanks", error: null });
    expect(r.received[0]?.body).toBe(BODY);
  });

  it("reports a certificate that does not match the name", async () => {
    const result = await postJson(`https://receiver.test:${port}/ok`, BODY, {}, { policy: LOCAL_LOOPBACK, resolve: async () => ["127.0.0.1"] });
    expect(result).toMatchObject({ status: null, blocked: false, error: expect.stringMatching(/^TLS: .*\(ERR_TLS_CERT_ALTNAME_INVALID\)$/) });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");

  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:05:00 GMT", now)).toBe(300_000);
    expect(parseRetryAfter("Sunday, 01-Mar-26 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    for (const value of [undefined, "", "soon", "-5", "1.5", "12abc", "2026-03-01T12:05:00Z"]) {
      expect(parseRetryAfter(value, now), String(value)).toBeNull();
    }
  });
});
