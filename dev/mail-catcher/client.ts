import { caughtMailSchema, mailListSchema, type CaughtMail, type MailSummary } from "./api";

/**
 * Reads the local mail catcher's HTTP API, for tests (integration and e2e) and scripts.
 * `to` and `subjectIncludes` match case-insensitive substrings; `since` keeps only mail received
 * at or after that moment, so a test does not mistake an earlier test's mail for its own.
 */
export type MailFilter = { to?: string; subjectIncludes?: string; since?: Date; limit?: number };

export async function listMail(baseUrl: string, filter: MailFilter = {}): Promise<MailSummary[]> {
  const params = new URLSearchParams();
  if (filter.to) params.set("to", filter.to);
  if (filter.subjectIncludes) params.set("subject", filter.subjectIncludes);
  if (filter.since) params.set("since", filter.since.toISOString());
  if (filter.limit) params.set("limit", String(filter.limit));
  const res = await fetch(`${trim(baseUrl)}/api/messages?${params}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`mail catcher: GET /api/messages answered ${res.status} ${await res.text()}`);
  return mailListSchema.parse(await res.json()).messages;
}

export async function getMail(baseUrl: string, id: string): Promise<CaughtMail> {
  const res = await fetch(`${trim(baseUrl)}/api/messages/${encodeURIComponent(id)}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`mail catcher: GET /api/messages/${id} answered ${res.status} ${await res.text()}`);
  return caughtMailSchema.parse(await res.json());
}

export async function clearMail(baseUrl: string): Promise<void> {
  const res = await fetch(`${trim(baseUrl)}/api/messages`, { method: "DELETE" });
  if (!res.ok) throw new Error(`mail catcher: DELETE /api/messages answered ${res.status}`);
}

/** The newest caught message that matches, in full; polls until it arrives or the time is up. */
export async function waitForMail(baseUrl: string, filter: Omit<MailFilter, "limit">, timeoutMs = 10_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [newest] = await listMail(baseUrl, { ...filter, limit: 1 });
    if (newest) return getMail(baseUrl, newest.id);
    if (Date.now() >= deadline) {
      throw new Error(`no mail ${describe(filter)} arrived at the mail catcher within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describe(filter: MailFilter): string {
  const parts = [filter.to && `to ${filter.to}`, filter.subjectIncludes && `with "${filter.subjectIncludes}" in its subject`, filter.since && `since ${filter.since.toISOString()}`];
  return parts.filter(Boolean).join(", ") || "at all";
}

const trim = (url: string) => url.replace(/\/+$/, "");
