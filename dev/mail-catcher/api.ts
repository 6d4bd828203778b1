import { z } from "zod";

/**
 * The mail catcher's HTTP API, one schema for the server that answers and the client that reads
 * (tests). Crosslink's own page reads the same JSON but validates it with its own schema: the app
 * never imports the local world.
 */
export const headerSchema = z.object({ name: z.string(), value: z.string() });

export const caughtMailSchema = z.object({
  id: z.string(),
  /** The From header as written ("Crosslink <crosslink@crosslink.localhost>"), else the envelope sender. */
  from: z.string(),
  /** The envelope recipients: everyone the message was delivered to, Cc and Bcc included. */
  to: z.array(z.string()),
  subject: z.string(),
  /** The Date header, when the message had a valid one. */
  date: z.string().nullable(),
  receivedAt: z.string(),
  messageId: z.string().nullable(),
  html: z.string().nullable(),
  text: z.string().nullable(),
  /** Every header line in order, unfolded (a header may appear more than once). */
  headers: z.array(headerSchema),
  size: z.number().int().nonnegative(),
});
export type CaughtMail = z.infer<typeof caughtMailSchema>;

export const mailSummarySchema = caughtMailSchema.pick({ id: true, from: true, to: true, subject: true, date: true, receivedAt: true });
export type MailSummary = z.infer<typeof mailSummarySchema>;

export const mailListSchema = z.object({
  messages: z.array(mailSummarySchema),
  /** How many caught messages match the filter (the list may be cut at `limit`). */
  total: z.number().int().nonnegative(),
});
export type MailList = z.infer<typeof mailListSchema>;

export const MAX_LIMIT = 2000;

/** GET /api/messages query: recipient and subject match case-insensitive substrings. */
export const listQuerySchema = z.object({
  to: z.string().trim().max(320).optional(),
  subject: z.string().trim().max(998).optional(),
  /** Only mail received at or after this time (ISO 8601). */
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(50),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export function toSummary(mail: CaughtMail): MailSummary {
  return { id: mail.id, from: mail.from, to: mail.to, subject: mail.subject, date: mail.date, receivedAt: mail.receivedAt };
}
