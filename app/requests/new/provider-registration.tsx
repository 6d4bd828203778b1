"use client";

import { useEffect, useState, useTransition } from "react";
import { buttonStyles } from "@/app/_components/ui";
import { useJson } from "@/app/_lib/use-json";
import { registerProviderAction } from "../actions";
import { providersSchema, providersUrl, type ProviderStatus } from "../_lib/consumer-api";
import { LoadProblem } from "../_components/load-problem";
import { AzureAccessNeeded } from "../_components/azure-access-needed";
import { SignInAgainLink } from "../_components/field";
import { useCurrentPath } from "../_components/use-current-path";
import type { ActionError } from "@/app/_lib/action";
import { ARM_CONSENT_CODE } from "@/lib/auth/arm-consent";

/** How often the registration state is read again while Azure registers (it takes seconds to minutes). */
const POLL_MS = 1000;

const NEEDED_FOR: Record<string, string> = {
  "Microsoft.Web": "private endpoints to web apps, function apps and slots",
  "Microsoft.Network": "private endpoints",
};

/**
 * The subscription's resource-provider prerequisites for the chosen target: each namespace Azure
 * needs registered (Microsoft.Network for the endpoint, Microsoft.Web for an App Service target),
 * with a button that registers it with the person's own token, progress while Azure registers
 * (asynchronous: polled until Registered), and Azure's refusal explained when they may not.
 * Shows nothing while everything is registered.
 */
export function ProviderRegistration({ subscriptionId, subscriptionName, target }: { subscriptionId: string; subscriptionName: string; target: string }) {
  // The last answer stays on screen while the next poll loads, so the panel does not flicker.
  const [providers, setProviders] = useState<ProviderStatus[] | null>(null);
  const [registered, setRegistered] = useState<string[]>([]);
  const [problem, setProblem] = useState<ActionError | null>(null);
  const returnTo = useCurrentPath();
  const [pending, startTransition] = useTransition();
  const { load, retry } = useJson(providersUrl(subscriptionId, target), providersSchema, (data) => setProviders(data.providers));

  const registering = providers?.some((p) => !p.registered && p.state.toLowerCase() === "registering") ?? false;
  useEffect(() => {
    if (!registering) return;
    const timer = setTimeout(retry, POLL_MS);
    return () => clearTimeout(timer);
  }, [registering, providers, retry]);

  if (load.status === "failed" && !providers) return <LoadProblem error={load.error} onRetry={retry} />;
  if (!providers) return null;
  const missing = providers.filter((p) => !p.registered);
  const justRegistered = providers.filter((p) => p.registered && registered.includes(p.namespace));
  if (missing.length === 0 && justRegistered.length === 0) return null;

  const register = (namespace: string) =>
    startTransition(async () => {
      setProblem(null);
      const result = await registerProviderAction(subscriptionId, namespace);
      if (!result.ok) {
        setProblem(result);
        return;
      }
      setRegistered((r) => [...r, namespace]);
      setProviders((ps) => ps?.map((p) => (p.namespace === result.provider.namespace ? result.provider : p)) ?? null);
    });

  return (
    <section aria-label="Resource providers" className="space-y-3 rounded-fl border border-stroke2 bg-surface2 px-3 py-3 text-sm" data-testid="provider-registration">
      {missing.map((p) => (
        <div key={p.namespace} className="space-y-2">
          <p className="font-semibold text-fg1">
            {p.namespace} is not registered in {subscriptionName}.
          </p>
          <p className="text-fg2">
            Azure refuses {NEEDED_FOR[p.namespace] ?? "this request"} from a subscription without it. Registering is a one-time step for the whole
            subscription, and needs permission to register resource providers (Contributor or Owner).
          </p>
          {p.state.toLowerCase() === "registering" ? (
            <p role="status" className="text-fg1">
              Registering {p.namespace} in {subscriptionName}… Azure usually takes from a few seconds to a few minutes; this updates by itself.
            </p>
          ) : (
            <button type="button" className={buttonStyles.secondary} disabled={pending} onClick={() => register(p.namespace)}>
              {pending ? `Registering ${p.namespace}…` : `Register ${p.namespace} in ${subscriptionName}`}
            </button>
          )}
        </div>
      ))}
      {justRegistered.map((p) => (
        <p key={p.namespace} role="status" className="text-success">
          {p.namespace} is registered in {subscriptionName}. You can file the request.
        </p>
      ))}
      {/* Registering is a write: Azure may want consent for Crosslink or a second factor first. */}
      {problem?.code === ARM_CONSENT_CODE ? (
        <AzureAccessNeeded message={problem.message} returnTo={returnTo} />
      ) : problem ? (
        <p role="alert" className="rounded-fl border border-danger bg-danger-bg px-3 py-2 text-danger">
          {problem.message} {problem.status === 401 && <SignInAgainLink returnTo={returnTo} claims={problem.stepUpClaims} />}
        </p>
      ) : null}
    </section>
  );
}
