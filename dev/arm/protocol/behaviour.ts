/**
 * Switches for behaviour where Azure's real answer is unconfirmed or takes time, so tests can
 * exercise every variant the app must cope with:
 * - `slotConnections`: where a deployment slot's private endpoint connections are listed — under
 *   the slot (`…/sites/{app}/slots/{slot}/privateEndpointConnections`, the default) or under the
 *   parent site with group ID `sites-<slot>` (nothing under the slot). Where real App Service lists
 *   them is unconfirmed.
 * - `registrationMs`: how long `POST …/providers/{ns}/register` stays `Registering` before the
 *   namespace is `Registered` (Azure registers asynchronously; minutes are common).
 */
export type SlotConnectionListing = "slot" | "site";

export type ArmBehaviour = {
  slotConnections: SlotConnectionListing;
  registrationMs: number;
};

export const DEFAULT_BEHAVIOUR: ArmBehaviour = {
  slotConnections: "slot",
  registrationMs: 1500,
};

/** Validates a partial update; throws with a message naming the bad field. */
export function mergeBehaviour(current: ArmBehaviour, update: Record<string, unknown>): ArmBehaviour {
  const next = { ...current };
  if (update.slotConnections !== undefined) {
    if (update.slotConnections !== "slot" && update.slotConnections !== "site") {
      throw new Error("slotConnections must be 'slot' or 'site'.");
    }
    next.slotConnections = update.slotConnections;
  }
  if (update.registrationMs !== undefined) {
    if (typeof update.registrationMs !== "number" || !Number.isFinite(update.registrationMs) || update.registrationMs < 0) {
      throw new Error("registrationMs must be a non-negative number of milliseconds.");
    }
    next.registrationMs = update.registrationMs;
  }
  return next;
}

/** LOCAL_ARM_SLOT_CONNECTIONS (slot|site) and LOCAL_ARM_REGISTRATION_MS. */
export function behaviourFromEnv(env: Record<string, string | undefined>): Partial<ArmBehaviour> {
  const out: Record<string, unknown> = {};
  if (env.LOCAL_ARM_SLOT_CONNECTIONS?.trim()) out.slotConnections = env.LOCAL_ARM_SLOT_CONNECTIONS.trim().toLowerCase();
  if (env.LOCAL_ARM_REGISTRATION_MS?.trim()) out.registrationMs = Number(env.LOCAL_ARM_REGISTRATION_MS.trim());
  return mergeBehaviour(DEFAULT_BEHAVIOUR, out);
}
