/**
 * What every handler needs, built once by server.ts and passed down explicitly (no module state,
 * so several servers can run in one process, as tests do).
 */
import type { ClientRegistry } from "./clients";
import type { CodeStore } from "./codes";
import type { ConsentState } from "./consent";
import type { FlowStore } from "./flows";
import type { SigningKeys } from "./keys";
import type { LogSink } from "./log";

export type Lifetimes = {
  accessTokenSeconds: number;
  idTokenSeconds: number;
  refreshTokenSeconds: number;
  authorizationCodeSeconds: number;
  /** How long a sign-in page stays usable (Entra's flow token). */
  signInFlowSeconds: number;
  /** How long the sign-in session cookie lets a user skip the password. */
  sessionSeconds: number;
};

export const DEFAULT_LIFETIMES: Lifetimes = {
  accessTokenSeconds: 3600,
  idTokenSeconds: 3600,
  refreshTokenSeconds: 90 * 86_400,
  authorizationCodeSeconds: 600,
  signInFlowSeconds: 3600,
  sessionSeconds: 24 * 3600,
};

export type EntraContext = {
  /** https://localhost:<port>, no trailing slash. Set once the server listens. */
  baseUrl: string;
  keys: SigningKeys;
  clients: ClientRegistry;
  lifetimes: Lifetimes;
  codes: CodeStore;
  flows: FlowStore;
  /** Consent grants (tenant-wide and per user) and consent pages awaiting a decision. */
  consent: ConsentState;
  log: LogSink;
  /** Seconds since the epoch. */
  now(): number;
};

export function v2Issuer(ctx: Pick<EntraContext, "baseUrl">, tenantId: string): string {
  return `${ctx.baseUrl}/${tenantId}/v2.0`;
}

/** v1 tokens (ARM, Graph) carry `https://sts.windows.net/<tid>/` in Entra; here the same shape on the local host. */
export function v1Issuer(ctx: Pick<EntraContext, "baseUrl">, tenantId: string): string {
  return `${ctx.baseUrl}/${tenantId}/`;
}
