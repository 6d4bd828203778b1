import "server-only";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getSharedServices } from "@/lib/services";

/**
 * Crosslink's side of the local mail catcher (dev/mail-catcher), read over its HTTP API only: the
 * app never imports the local world. The answers are checked here like any other input.
 */
const summarySchema = z.object({
  id: z.string().min(1),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  date: z.string().nullable(),
  receivedAt: z.iso.datetime({ offset: true }),
});
const listSchema = z.object({ messages: z.array(summarySchema), total: z.number().int().nonnegative() });
const mailSchema = summarySchema.extend({
  html: z.string().nullable(),
  text: z.string().nullable(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
});

export type CaughtMailSummary = z.infer<typeof summarySchema>;
export type CaughtMailList = z.infer<typeof listSchema>;
export type CaughtMail = z.infer<typeof mailSchema>;
/** The catcher did not answer (not running) or answered something unexpected. */
export type CatcherDown = { down: true; url: string };

const TIMEOUT_MS = 3_000;

/**
 * The catcher's URL, for local mode with MAIL_CATCHER_URL only; anywhere else the local mail
 * pages do not exist (404), before anyone is asked to sign in.
 */
export async function catcherUrlOrNotFound(): Promise<string> {
  // Request time, never build time: the configuration is the running server's.
  await connection();
  const { config } = getSharedServices();
  if (config.mode !== "local" || !config.notify.mailCatcherUrl) notFound();
  return config.notify.mailCatcherUrl;
}

export async function listCaughtMail(url: string, filter: { to?: string; limit: number }): Promise<CaughtMailList | CatcherDown> {
  const params = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.to) params.set("to", filter.to);
  const answer = await call(`${url}/api/messages?${params}`);
  const parsed = answer?.ok ? listSchema.safeParse(await answer.json().catch(() => null)) : null;
  return parsed?.success ? parsed.data : { down: true, url };
}

/** The message, null when the catcher has no message with that id. */
export async function getCaughtMail(url: string, id: string): Promise<CaughtMail | null | CatcherDown> {
  const answer = await call(`${url}/api/messages/${encodeURIComponent(id)}`);
  if (answer?.status === 404) return null;
  const parsed = answer?.ok ? mailSchema.safeParse(await answer.json().catch(() => null)) : null;
  return parsed?.success ? parsed.data : { down: true, url };
}

export async function clearCaughtMail(url: string): Promise<boolean> {
  const answer = await call(`${url}/api/messages`, "DELETE");
  return answer?.ok ?? false;
}

export function isDown(value: unknown): value is CatcherDown {
  return typeof value === "object" && value !== null && (value as CatcherDown).down === true;
}

async function call(url: string, method: "GET" | "DELETE" = "GET"): Promise<Response | null> {
  try {
    return await fetch(url, { method, cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    return null;
  }
}
