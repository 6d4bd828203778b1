import { getMail, listMail, waitForMail, type MailFilter } from "../../dev/mail-catcher/client";

/**
 * The e2e world's mail catcher, as playwright.config.ts starts it (E2E_MAIL_PORT moves it): where
 * every email the app sends in the browser journeys lands.
 */
export const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? 2680);
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2625);
export const MAIL_CATCHER_URL = `http://localhost:${MAIL_PORT}`;

/** The newest caught message that matches (see dev/mail-catcher/client.ts), in full. */
export const waitForCaughtMail = (filter: Omit<MailFilter, "limit">, timeoutMs = 15_000) => waitForMail(MAIL_CATCHER_URL, filter, timeoutMs);
export const listCaughtMail = (filter: MailFilter = {}) => listMail(MAIL_CATCHER_URL, filter);
export const getCaughtMail = (id: string) => getMail(MAIL_CATCHER_URL, id);
