import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A webhook receiver for tests: records every request (headers and body) and answers with what
 * the test decides (200 by default; 500 or 410 to exercise retries and disabling).
 */
export type Received = { headers: http.IncomingHttpHeaders; body: string; at: number };

export type WebhookReceiver = {
  url: string;
  received: Received[];
  /** The status to answer next (a function sees how many requests came before). */
  answer: (count: number) => number;
  /** How long each answer takes (a slow receiver). */
  delayMs: number;
  /** Requests arrived and not answered yet. */
  inFlight: number;
  waitFor(predicate: (r: Received[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: Omit<WebhookReceiver, "url" | "close" | "waitFor"> = { received: [], answer: () => 200, delayMs: 0, inFlight: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = receiver.answer(receiver.received.length);
      receiver.inFlight++;
      const answer = () => {
        receiver.inFlight--;
        receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
        res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `no (${status})`);
      };
      if (receiver.delayMs > 0) setTimeout(answer, receiver.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/crosslink`,
    async waitFor(predicate: (r: Received[]) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(receiver.received)) {
        if (Date.now() > deadline) throw new Error(`the receiver did not get what was expected in ${timeoutMs} ms (got ${receiver.received.length})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
