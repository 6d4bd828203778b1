import type { Db } from "../../db/client";
import type { Mailer } from "../email/transport";
import type { OutgoingPolicy } from "../ssrf";

/** What delivering notifications needs: the database, the mailer, the outgoing-URL policy and the secrets' box. */
export type NotifyJobDeps = {
  db: Db;
  mailer: () => Mailer;
  outgoingPolicy: OutgoingPolicy;
  /** Seals and opens webhook signing secrets at rest. */
  secrets: { seal(plain: string): string; open(sealed: string): string | null };
  appBaseUrl: string;
};
