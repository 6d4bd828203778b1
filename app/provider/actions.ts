"use server";

import { refresh } from "next/cache";
import { getSharedServices } from "@/lib/services";
import { decide, decideMany, type Decision } from "@/lib/connections/decide";
import { setManaged } from "@/lib/connections/onboarding";
import { requirePrincipal } from "@/app/_lib/session";
import { currentRequestId } from "@/app/_lib/request-context";
import { toActionError } from "@/app/_lib/action-result";
import type { BulkResult, FormResult } from "./_lib/types";

/**
 * The provider's server actions. Each one checks who is asking (requirePrincipal: a consumer gets
 * 403), reads its form, calls the use case, kicks the worker so Azure calls start at once, and
 * refreshes the page. Failures come back as messages for people (toActionError).
 */

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Approve, reject or disconnect one request, guarded by the version the page showed. */
export async function decideAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  const principal = await requirePrincipal({ role: "provider" });
  const httpRequestId = await currentRequestId();
  const services = getSharedServices();
  const version = text(formData, "expectedVersion");
  try {
    const result = await decide(
      services.db,
      principal,
      {
        requestId: text(formData, "requestId"),
        // decide() validates the decision and the note (reject needs a reason, 140 at most).
        decision: text(formData, "decision") as Decision,
        note: text(formData, "note"),
        expectedVersion: version ? Number(version) : undefined,
      },
      { httpRequestId },
    );
    if (result.outcome === "recorded") services.worker.kick();
    refresh();
    return { ok: true, message: result.outcome === "no_change" ? "It is already in that state; nothing to do." : "Recorded. Crosslink is applying it in Azure." };
  } catch (err) {
    return toActionError(err, httpRequestId);
  }
}

/** Approve or reject the selected requests; every request gets its own result. */
export async function bulkDecideAction(_prev: BulkResult, formData: FormData): Promise<BulkResult> {
  const principal = await requirePrincipal({ role: "provider" });
  const httpRequestId = await currentRequestId();
  const services = getSharedServices();
  // decideMany() validates the selection, the decision and the note (reject needs a reason).
  const decision = text(formData, "decision") as "approve" | "reject";
  try {
    const results = await decideMany(
      services.db,
      principal,
      { requestIds: formData.getAll("requestId").filter((v): v is string => typeof v === "string"), decision, note: text(formData, "note") },
      { httpRequestId },
    );
    if (results.some((r) => r.ok)) services.worker.kick();
    refresh();
    return { ok: true, decision, results };
  } catch (err) {
    return toActionError(err, httpRequestId);
  }
}

/** Register (manage) or unregister a resource the provider's identity can see. */
export async function setManagedAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  const principal = await requirePrincipal({ role: "provider" });
  const httpRequestId = await currentRequestId();
  const services = getSharedServices();
  const manage = text(formData, "manage") === "true";
  try {
    await setManaged({ db: services.db, providerAzure: services.providerAzure() }, principal, { resourceId: text(formData, "resourceId"), manage }, { httpRequestId });
    refresh();
    return { ok: true, message: manage ? "Registered: consumers can now request connections to it." : "Unregistered: consumers can no longer file new requests for it." };
  } catch (err) {
    return toActionError(err, httpRequestId);
  }
}
