import { SMTP_DEFAULT_PORTS } from "./schema";

/**
 * The notification settings as read from the environment, before validation, and the rules that
 * tie them to the mode and to each other. Azure mode has no mail defaults worth guessing (a wrong
 * relay would send mail nowhere, or somewhere it should not go) and refuses the local world's
 * conveniences: loopback targets and the mail catcher.
 */
type Read = (name: string) => string | undefined;

export function notifyCandidate(mode: string, fromEnv: Read, withDefault: Read) {
  const security = withDefault("SMTP_SECURITY");
  const defaultPort = security && security in SMTP_DEFAULT_PORTS ? SMTP_DEFAULT_PORTS[security as keyof typeof SMTP_DEFAULT_PORTS] : undefined;
  return {
    smtp: {
      host: withDefault("SMTP_HOST"),
      port: withDefault("SMTP_PORT") ?? defaultPort,
      security,
      user: fromEnv("SMTP_USER") ?? null,
      password: fromEnv("SMTP_PASSWORD") ?? null,
    },
    from: withDefault("MAIL_FROM"),
    allowLoopbackTargets: withDefault("NOTIFY_ALLOW_LOOPBACK"),
    reminderAfterHours: fromEnv("REMINDER_AFTER_HOURS") ?? "24",
    // Refused in azure mode (notifyProblems), so never carried into an azure configuration.
    mailCatcherUrl: mode === "local" ? (withDefault("MAIL_CATCHER_URL") ?? null) : null,
  };
}

/** Problems no single value shows. Messages never quote a value (SMTP_PASSWORD is one). */
export function notifyProblems(mode: string, fromEnv: Read): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  const user = fromEnv("SMTP_USER");
  const password = fromEnv("SMTP_PASSWORD");
  if (user !== undefined && password === undefined) problems.push({ variable: "SMTP_PASSWORD", message: "is required when SMTP_USER is set" });
  if (password !== undefined && user === undefined) problems.push({ variable: "SMTP_USER", message: "is required when SMTP_PASSWORD is set" });
  if (mode !== "azure") return problems;

  if (fromEnv("NOTIFY_ALLOW_LOOPBACK") === "true") {
    problems.push({ variable: "NOTIFY_ALLOW_LOOPBACK", message: "must not be true in azure mode: webhooks to this machine's loopback addresses are for the local world only" });
  }
  if (fromEnv("MAIL_CATCHER_URL") !== undefined) {
    problems.push({ variable: "MAIL_CATCHER_URL", message: "is for the local world only; unset it in azure mode" });
  }
  if (fromEnv("SMTP_SECURITY") === "none" && (user !== undefined || password !== undefined)) {
    problems.push({ variable: "SMTP_SECURITY", message: 'must be "starttls" or "tls" when SMTP_USER and SMTP_PASSWORD are set: "none" would send the password unencrypted' });
  }
  return problems;
}
