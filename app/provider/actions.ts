"use server";

import { refresh } from "next/cache";
import { decide, decideMany, type Decision } from "@/lib/connections/decide";
import { setManaged } from "@/lib/connections/onboarding";
import { ACTION_WORDS } from "@/lib/domain/request-words";
import { action, formText } from "@/app/_lib/action";
import type { BulkResult, FormResult } from "./_lib/types";

/**
 * The provider's server actions. Each goes through the action wrapper (a consumer gets 403),
 * reads its form, calls the use case, kicks the worker so Azure calls start at once, and
 * refreshes the page. Failures come back as messages for people.
 */
const PROVIDER = { role: "provider" } as const;

/** Approve, reject or disconnect one request, guarded by the version the page showed. */
export async function decideAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  return action(PROVIDER, async ({ principal, services, requestId }) => {
    const version = formText(formData, "expectedVersion");
    const decision = formText(formData, "decision") as Decision;
    const result = await decide(
      services.db,
      principal,
      {
        requestId: formText(formData, "requestId"),
        // decide() validates the decision and the note (reject needs a reason, 140 at most).
        decision,
        note: formText(formData, "note"),
        expectedVersion: version ? Number(version) : undefined,
      },
      { httpRequestId: requestId },
    );
    if (result.outcome === "recorded") services.worker.kick();
    refresh();
    // decide() accepted the decision, so it is one of the three.
    return { ok: true, message: result.outcome === "no_change" ? "It is already in that state; nothing to do." : ACTION_WORDS[decision].accepted };
  });
}

/** Approve or reject the selected requests; every request gets its own result. */
export async function bulkDecideAction(_prev: BulkResult, formData: FormData): Promise<BulkResult> {
  return action(PROVIDER, async ({ principal, services, requestId }) => {
    // decideMany() validates the selection, the decision and the note (reject needs a reason).
    const decision = formText(formData, "decision") as "approve" | "reject";
    const requestIds = formData.getAll("requestId").filter((v): v is string => typeof v === "string");
    const results = await decideMany(services.db, principal, { requestIds, decision, note: formText(formData, "note") }, { httpRequestId: requestId });
    if (results.some((r) => r.ok)) services.worker.kick();
    refresh();
    return { ok: true, decision, results };
  });
}

/** Register (manage) or unregister a resource the provider's identity can see. */
export async function setManagedAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  return action(PROVIDER, async ({ principal, services, requestId }) => {
    const manage = formText(formData, "manage") === "true";
    await setManaged({ db: services.db, providerAzure: services.providerAzure() }, principal, { resourceId: formText(formData, "resourceId"), manage }, { httpRequestId: requestId });
    refresh();
    return { ok: true, message: manage ? "Registered: consumers can now request connections to it." : "Unregistered: consumers can no longer file new requests for it." };
  });
}
