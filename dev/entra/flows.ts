/**
 * Sign-in flows: a validated /authorize request waiting for the user on the sign-in page.
 * The page carries only the flow's random ID (like Entra's flow token), so the request cannot be
 * altered between the page and the form post. In memory; an expired or unknown flow gets
 * Entra's AADSTS50089 and the user starts again from the app.
 */
import { randomBytes } from "node:crypto";
import type { AuthRequest } from "./authorize-request";

export type FlowStore = {
  create(request: AuthRequest): string;
  get(id: string): AuthRequest | undefined;
  /** The password was right; the flow now waits for the second factor of this account. */
  awaitSecondFactor(id: string, account: { tid: string; oid: string }): void;
  /** The account whose second factor the flow waits for, if any. */
  awaitingSecondFactor(id: string): { tid: string; oid: string } | undefined;
  /** Ends the flow once it produced a code: the page cannot be submitted twice. */
  end(id: string): void;
};

export function createFlowStore(options: { lifetimeSeconds: number; now: () => number }): FlowStore {
  const flows = new Map<string, { request: AuthRequest; expiresAt: number; secondFactorFor?: { tid: string; oid: string } }>();
  return {
    create(request) {
      const now = options.now();
      for (const [id, flow] of flows) if (flow.expiresAt < now) flows.delete(id);
      const id = randomBytes(32).toString("base64url");
      flows.set(id, { request, expiresAt: now + options.lifetimeSeconds });
      return id;
    },
    get(id) {
      const flow = flows.get(id);
      if (!flow || flow.expiresAt < options.now()) return undefined;
      return flow.request;
    },
    awaitSecondFactor(id, account) {
      const flow = flows.get(id);
      if (flow) flow.secondFactorFor = account;
    },
    awaitingSecondFactor(id) {
      const flow = flows.get(id);
      if (!flow || flow.expiresAt < options.now()) return undefined;
      return flow.secondFactorFor;
    },
    end(id) {
      flows.delete(id);
    },
  };
}
