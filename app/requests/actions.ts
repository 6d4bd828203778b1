"use server";

import { redirect } from "next/navigation";
import { fileRequest } from "@/lib/connections/file-request";
import { registerExistingEndpoint } from "@/lib/connections/register-existing";
import { discardRequest, retryCreation, withdrawRequest } from "@/lib/connections/consumer-actions";
import { continueAfterStepUp } from "@/lib/connections/continue-after-step-up";
import { registerPrerequisite, type ProviderPrerequisite } from "@/lib/connections/consumer-prerequisites";
import { ACTION_WORDS } from "@/lib/domain/request-words";
import { action, formText, type ActionError } from "@/app/_lib/action";

/**
 * The consumer's server actions: each calls one use case through the action wrapper, kicks the
 * worker so Azure calls start at once, and answers with an ActionError the form can show (field
 * errors next to their fields) or sends the browser on.
 */
export type FormResult = ActionError | { ok: true; message?: string } | null;

export async function fileRequestAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const result = await action({}, async ({ principal, services, requestId }) => {
    const filed = await fileRequest(
      { db: services.db, consumerAzure: services.consumerAzureFor(principal) },
      principal,
      {
        targetResourceId: formText(form, "targetResourceId"),
        groupId: formText(form, "groupId"),
        requestMessage: formText(form, "requestMessage"),
        subscriptionId: formText(form, "subscriptionId"),
        subnetId: formText(form, "subnetId"),
        endpointName: formText(form, "endpointName"),
      },
      { httpRequestId: requestId },
    );
    services.worker.kick();
    return filed;
  });
  if ("ok" in result) return result;
  redirect(`/requests/${encodeURIComponent(result.requestId)}`);
}

export async function registerExistingAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const result = await action({}, ({ principal, services, requestId }) =>
    registerExistingEndpoint(
      { db: services.db, consumerAzure: services.consumerAzureFor(principal) },
      principal,
      { privateEndpointId: formText(form, "privateEndpointId"), targetResourceId: formText(form, "targetResourceId") },
      { httpRequestId: requestId },
    ),
  );
  if ("ok" in result) return result;
  redirect(`/requests/${encodeURIComponent(result.requestId)}`);
}

/**
 * Registers a resource provider (Microsoft.Web or Microsoft.Network) in one of the person's
 * subscriptions with their own token. Azure answers Registering; the form polls until Registered.
 */
export async function registerProviderAction(subscriptionId: string, namespace: string): Promise<ActionError | { ok: true; provider: ProviderPrerequisite }> {
  return action({}, async ({ principal, services }) => ({
    ok: true as const,
    provider: await registerPrerequisite(services.consumerAzureFor(principal), principal, { id: subscriptionId, namespace }),
  }));
}

const COMMANDS = { retry: retryCreation, discard: discardRequest, withdraw: withdrawRequest } as const;
type RequestCommand = keyof typeof COMMANDS;

/** Retry, discard or withdraw one of the tenant's requests (the use case checks the tenant and the ID). */
export async function requestCommandAction(requestId: string, command: RequestCommand): Promise<FormResult> {
  return action({}, async ({ principal, services, requestId: httpRequestId }) => {
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) return { ok: false, status: 400, code: "unknown_action", message: "Unknown action.", requestId: httpRequestId } satisfies ActionError;
    await run(services.db, principal, requestId, { httpRequestId });
    services.worker.kick();
    return { ok: true, message: ACTION_WORDS[command].accepted };
  });
}

/** The consumer confirmed their sign-in as Azure asked: the work that waited goes on. */
export async function continueAfterStepUpAction(requestId: string): Promise<FormResult> {
  return action({}, async ({ principal, services, requestId: httpRequestId }) => {
    const resumed = await continueAfterStepUp(services.db, principal, requestId, { httpRequestId });
    services.worker.kick();
    return { ok: true, message: resumed === "creation" ? ACTION_WORDS.retry.accepted : ACTION_WORDS.withdraw.accepted };
  });
}
