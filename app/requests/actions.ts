"use server";

import { redirect } from "next/navigation";
import { getSharedServices } from "@/lib/services";
import { fileRequest } from "@/lib/connections/file-request";
import { registerExistingEndpoint } from "@/lib/connections/register-existing";
import { discardRequest, retryCreation, withdrawRequest } from "@/lib/connections/consumer-actions";
import { requirePrincipal } from "@/app/_lib/session";
import { currentRequestId } from "@/app/_lib/request-context";
import type { ActionError } from "@/app/_lib/action-result";
import { toActionError } from "@/app/_lib/action-result";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";

/**
 * The consumer's server actions: each checks the session, calls one use case, kicks the worker
 * so Azure calls start at once, and answers with an ActionError the form can show (field errors
 * next to their fields) or sends the browser on.
 */
export type FormResult = ActionError | { ok: true; message?: string } | null;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function fileRequestAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const principal = await requirePrincipal();
  const services = getSharedServices();
  const httpRequestId = await currentRequestId();
  let requestId: string;
  try {
    ({ requestId } = await fileRequest(
      { db: services.db, consumerAzure: services.consumerAzureFor(principal) },
      principal,
      {
        targetResourceId: text(form, "targetResourceId"),
        groupId: text(form, "groupId"),
        requestMessage: text(form, "requestMessage"),
        subscriptionId: text(form, "subscriptionId"),
        subnetId: text(form, "subnetId"),
        endpointName: text(form, "endpointName"),
      },
      { httpRequestId },
    ));
  } catch (err) {
    return toActionError(err, httpRequestId);
  }
  services.worker.kick();
  redirect(`/requests/${encodeURIComponent(requestId)}`);
}

export async function registerExistingAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const principal = await requirePrincipal();
  const services = getSharedServices();
  const httpRequestId = await currentRequestId();
  let requestId: string;
  try {
    ({ requestId } = await registerExistingEndpoint(
      { db: services.db, consumerAzure: services.consumerAzureFor(principal) },
      principal,
      { privateEndpointId: text(form, "privateEndpointId"), targetResourceId: text(form, "targetResourceId") },
      { httpRequestId },
    ));
  } catch (err) {
    return toActionError(err, httpRequestId);
  }
  redirect(`/requests/${encodeURIComponent(requestId)}`);
}

type RequestCommand = "retry" | "discard" | "withdraw";
type CommandFn = (db: Db, principal: Principal, requestId: string, context: { httpRequestId?: string }) => Promise<unknown>;
const COMMANDS: Record<RequestCommand, CommandFn> = { retry: retryCreation, discard: discardRequest, withdraw: withdrawRequest };
const DONE: Record<RequestCommand, string> = {
  retry: "Crosslink is trying again to create the private endpoint.",
  discard: "The request was discarded.",
  withdraw: "Crosslink is deleting the private endpoint in Azure.",
};

/** Retry, discard or withdraw one of the tenant's requests (the use case checks the tenant). */
export async function requestCommandAction(requestId: string, command: RequestCommand): Promise<FormResult> {
  const principal = await requirePrincipal();
  const services = getSharedServices();
  const httpRequestId = await currentRequestId();
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run || typeof requestId !== "string") return { ok: false, status: 400, message: "Unknown action." };
  try {
    await run(services.db, principal, requestId, { httpRequestId });
  } catch (err) {
    return toActionError(err, httpRequestId);
  }
  services.worker.kick();
  return { ok: true, message: DONE[command] };
}
