import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_MAIL_PORTS } from "../../dev/mail-catcher/ports";

/** Options of the local-world runner, from the command line (and a few env variables). */
const schema = z.object({
  appPort: z.coerce.number().int().min(1).max(65535),
  entraPort: z.coerce.number().int().min(1).max(65535),
  armPort: z.coerce.number().int().min(1).max(65535),
  smtpPort: z.coerce.number().int().min(1).max(65535),
  mailPort: z.coerce.number().int().min(1).max(65535),
  dataDir: z.string().min(1),
  dev: z.boolean(),
  fresh: z.boolean(),
  quiet: z.boolean(),
  verbose: z.boolean(),
  /** How the app proves its identity to the local Entra ID: its client secret or its client certificate. */
  clientCredential: z.enum(["secret", "certificate"], { error: 'must be "secret" or "certificate"' }),
});
export type RunOptions = z.infer<typeof schema>;

export function parseRunOptions(argv: string[], root: string): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      "app-port": { type: "string" },
      "entra-port": { type: "string" },
      "arm-port": { type: "string" },
      "smtp-port": { type: "string" },
      "mail-port": { type: "string" },
      "data-dir": { type: "string" },
      dev: { type: "boolean", default: false },
      fresh: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      "client-credential": { type: "string" },
    },
    allowPositionals: false,
  });
  const parsed = schema.safeParse({
    appPort: values["app-port"] ?? process.env.PORT ?? 3000,
    entraPort: values["entra-port"] ?? 7443,
    armPort: values["arm-port"] ?? 8443,
    smtpPort: values["smtp-port"] ?? DEFAULT_MAIL_PORTS.smtp,
    mailPort: values["mail-port"] ?? DEFAULT_MAIL_PORTS.http,
    dataDir: path.resolve(root, values["data-dir"] ?? process.env.CROSSLINK_DATA_DIR ?? ".data"),
    dev: values.dev,
    fresh: values.fresh,
    quiet: values.quiet,
    verbose: values.verbose,
    clientCredential: values["client-credential"] ?? "secret",
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  --${String(i.path[0]).replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}: ${i.message}`);
    throw new Error(`invalid options:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
