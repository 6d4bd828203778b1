import http from "node:http";
import { listQuerySchema } from "./api";
import type { MailStore } from "./store";

/**
 * The catcher's HTTP JSON API, for Crosslink's local mail page and for tests:
 *   GET    /api/messages?to=&subject=&since=&limit=   newest first, summaries only
 *   GET    /api/messages/:id                         one message with html, text and headers
 *   DELETE /api/messages                             forget every message
 *   GET    /api/health
 */
export function createHttpServer(store: MailStore): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://catcher.invalid");
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const path = url.pathname.replace(/\/+$/, "");

    if (path === "/api/health") return req.method === "GET" ? send(200, { ok: true, messages: store.size }) : notAllowed(res, "GET");

    if (path === "/api/messages") {
      if (req.method === "GET") {
        const query = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) return send(400, { error: query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
        return send(200, store.list(query.data));
      }
      if (req.method === "DELETE") {
        store.clear();
        return send(204);
      }
      return notAllowed(res, "GET, DELETE");
    }

    const one = /^\/api\/messages\/([^/]+)$/.exec(path);
    if (one) {
      if (req.method !== "GET") return notAllowed(res, "GET");
      const mail = store.get(decodeSegment(one[1]!));
      return mail ? send(200, mail) : send(404, { error: "No caught message has that id." });
    }
    send(404, { error: "Not found. The API is under /api/messages." });
  });
}

function notAllowed(res: http.ServerResponse, allow: string) {
  res.writeHead(405, { allow, "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ error: `Method not allowed; use ${allow}.` }));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
