/**
 * Test harness: a local ARM on a free port with the machine's local CA certificate, trusting
 * either the self-signing test issuer (default) or a given local Entra ID, plus a raw HTTPS
 * request helper for protocol-level assertions (status codes, headers, error bodies).
 */
import fs from "node:fs";
import https from "node:https";
import { ensureCerts } from "../../certs/ensure-certs";
import type { LocalArmOptions } from "../config";
import { startLocalArm, type LocalArm } from "../server";
import { startTokenIssuer, type TokenIssuer } from "./token-issuer";

export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Parsed JSON body (undefined when empty or not JSON). */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
};

export type TestArm = {
  arm: LocalArm;
  issuer: TokenIssuer;
  caPem: string;
  caFile: string;
  /** Raw request; `path` may carry its own query (api-version is not added automatically). */
  request(method: string, path: string, opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<RawResponse>;
  close(): Promise<void>;
};

export async function testTls(): Promise<{ cert: string; key: string; ca: string; caFile: string }> {
  const c = await ensureCerts();
  return {
    cert: fs.readFileSync(c.certFile, "utf8"),
    key: fs.readFileSync(c.keyFile, "utf8"),
    ca: fs.readFileSync(c.caFile, "utf8"),
    caFile: c.caFile,
  };
}

export function rawRequest(
  baseUrl: string,
  caPem: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (body !== undefined) {
    headers["content-type"] ??= "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(path, baseUrl), { method, headers, ca: caPem, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

export async function startTestArm(options: LocalArmOptions = {}, entra?: { url: string }): Promise<TestArm> {
  const tls = await testTls();
  const issuer = await startTokenIssuer(tls);
  const arm = await startLocalArm({
    port: 0,
    tls: { cert: tls.cert, key: tls.key, ca: tls.ca },
    entraUrl: entra?.url ?? issuer.url,
    lro: { minMs: 0, maxMs: 20, retryAfterSeconds: 0 },
    ...options,
  });
  return {
    arm,
    issuer,
    caPem: tls.ca,
    caFile: tls.caFile,
    request: (method, path, opts) => rawRequest(arm.url, tls.ca, method, path, opts),
    close: async () => {
      await arm.close();
      await issuer.close();
    },
  };
}

/** Polls until `check` returns a value or the time is up (for operation completion). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000, everyMs = 10): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
