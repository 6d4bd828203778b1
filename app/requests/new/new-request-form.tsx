"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { parseTargetResourceId, type TargetResourceId } from "@/lib/domain/resource-id";
import { catalogEntryForTarget, slotGroupId, targetLabel, validateGroupId, validateRequestMessage } from "@/lib/domain/private-link-catalog";
import { suggestEndpointName, validateEndpointName } from "@/lib/domain/endpoint-name";
import { buttonStyles, cardStyles } from "@/app/_components/ui";
import { fileRequestAction, type FormResult } from "../actions";
import { controlProps, Field, FieldError, fieldIds, inputStyles, SignInAgainLink, Spinner } from "../_components/field";

type Subscription = { subscriptionId: string; displayName: string; state: string; usable: boolean; reason: string | null };
type Subnet = { id: string; name: string; addressPrefixes: string[]; endpointAllowed: boolean; reason: string | null };
type Network = { id: string; name: string; location: string; resourceGroup: string; addressPrefixes: string[]; subnets: Subnet[] };
type Load<T> = { status: "idle" } | { status: "loading" } | { status: "ready"; data: T } | { status: "error"; message: string; reauth: boolean };

class LoadError extends Error {
  constructor(
    message: string,
    readonly reauth: boolean,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  } catch {
    throw new LoadError("Crosslink could not be reached. Check your connection and try again.", false);
  }
  const body = (await res.json().catch(() => null)) as ({ ok?: boolean; message?: string } & T) | null;
  if (!res.ok || !body?.ok) throw new LoadError(body?.message ?? `Crosslink answered with HTTP ${res.status}. Try again.`, res.status === 401);
  return body;
}

function failed(err: unknown): Load<never> {
  return err instanceof LoadError
    ? { status: "error", message: err.message, reauth: err.reauth }
    : { status: "error", message: "Something went wrong while loading. Try again.", reauth: false };
}

const FIELDS = ["targetResourceId", "groupId", "requestMessage", "subscriptionId", "subnetId", "endpointName"] as const;
type FieldName = (typeof FIELDS)[number];

const ids = {
  target: fieldIds("targetResourceId"),
  group: fieldIds("groupId"),
  slot: fieldIds("slotName"),
  message: fieldIds("requestMessage"),
  subscription: fieldIds("subscriptionId"),
  subnet: fieldIds("subnetId"),
  name: fieldIds("endpointName"),
};

export function NewRequestForm({ initialTarget, initialGroupId }: { initialTarget: string; initialGroupId: string }) {
  const [result, dispatch, pending] = useActionState<FormResult, FormData>(fileRequestAction, null);

  // What the person typed and chose.
  const [target, setTarget] = useState(initialTarget);
  const initialSlot = /^sites-/i.test(initialGroupId) ? initialGroupId.slice("sites-".length) : "";
  const [groupChoice, setGroupChoice] = useState<"site" | "slot">(initialSlot ? "slot" : "site");
  const [slotName, setSlotName] = useState(initialSlot);
  const [message, setMessage] = useState("");
  const [subscriptionId, setSubscriptionId] = useState("");
  const [subnetId, setSubnetId] = useState("");
  const [nameInput, setNameInput] = useState<string | null>(null); // null: use the suggestion
  const [touched, setTouched] = useState<Partial<Record<FieldName | "slotName", boolean>>>({ targetResourceId: initialTarget !== "" });
  const [submitted, setSubmitted] = useState<Record<FieldName, string> | null>(null);

  // What Azure says, read with the person's own token.
  const [subscriptions, setSubscriptions] = useState<Load<Subscription[]>>({ status: "loading" });
  const [networks, setNetworks] = useState<Load<Network[]>>({ status: "idle" });
  const latestSubscription = useRef("");

  const loadNetworks = (id: string) => {
    latestSubscription.current = id;
    if (!id) return setNetworks({ status: "idle" });
    setNetworks({ status: "loading" });
    getJson<{ networks: Network[] }>(`/api/consumer/subscriptions/${encodeURIComponent(id)}/networks`).then(
      (body) => latestSubscription.current === id && setNetworks({ status: "ready", data: body.networks }),
      (err: unknown) => latestSubscription.current === id && setNetworks(failed(err)),
    );
  };

  const loadSubscriptions = () => {
    getJson<{ subscriptions: Subscription[] }>("/api/consumer/subscriptions").then(
      (body) => {
        setSubscriptions({ status: "ready", data: body.subscriptions });
        const usable = body.subscriptions.filter((s) => s.usable);
        if (usable.length === 1 && usable[0]) {
          setSubscriptionId(usable[0].subscriptionId);
          loadNetworks(usable[0].subscriptionId);
        }
      },
      (err: unknown) => setSubscriptions(failed(err)),
    );
  };

  useEffect(() => {
    loadSubscriptions();
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // ------------------------------------------------------------ derived, validated live
  const parsed = target.trim() === "" ? null : parseTargetResourceId(target);
  const targetOk: TargetResourceId | null = parsed?.ok ? parsed : null;
  const groupId = !targetOk
    ? ""
    : targetOk.kind === "privateLinkService"
      ? ""
      : targetOk.kind === "slot"
        ? slotGroupId(targetOk.slotName)
        : groupChoice === "slot"
          ? slotGroupId(slotName.trim())
          : "sites";
  const groupCheck = targetOk && targetOk.kind !== "privateLinkService" ? validateGroupId(targetOk, groupId) : null;
  const entry = targetOk ? catalogEntryForTarget(targetOk) : null;
  const messageCheck = validateRequestMessage(message, entry?.resourceType ?? "Microsoft.Web/sites");
  const suggestion = targetOk ? suggestEndpointName(targetOk, { groupId: groupId || null }) : "";
  const endpointName = nameInput ?? suggestion;
  const nameCheck = validateEndpointName(endpointName);

  const allNetworks = networks.status === "ready" ? networks.data : [];
  const chosenNetwork = allNetworks.find((n) => n.subnets.some((s) => s.id === subnetId));
  const chosenSubnet = chosenNetwork?.subnets.find((s) => s.id === subnetId);

  const values: Record<FieldName, string> = { targetResourceId: target, groupId, requestMessage: message, subscriptionId, subnetId, endpointName };

  const clientErrors: Partial<Record<FieldName, string>> = {};
  if (!parsed) clientErrors.targetResourceId = "Enter the resource ID of the app or service you want to reach.";
  else if (!parsed.ok) clientErrors.targetResourceId = parsed.message;
  if (groupCheck && !groupCheck.ok) clientErrors.groupId = groupCheck.message;
  if (!messageCheck.ok) clientErrors.requestMessage = messageCheck.message;
  if (!subscriptionId) clientErrors.subscriptionId = "Choose the subscription the private endpoint goes into.";
  if (!chosenSubnet) clientErrors.subnetId = "Choose a subnet for the private endpoint.";
  else if (!chosenSubnet.endpointAllowed) clientErrors.subnetId = chosenSubnet.reason ?? "Private endpoints can't go into this subnet.";
  if (!targetOk) {
    // The name is suggested from the target; nothing to say about it yet.
  } else if (!nameCheck.ok) clientErrors.endpointName = nameCheck.message;

  const serverErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  /** A field's error: the live check once touched (or after a submit attempt), else the server's for the value it judged. */
  const errorOf = (field: FieldName, touchKey: FieldName | "slotName" = field): string | null => {
    if ((touched[touchKey] || submitted) && clientErrors[field]) return clientErrors[field] ?? null;
    const server = serverErrors[field];
    return server && submitted && submitted[field] === values[field] ? server : null;
  };

  const formError = result && !result.ok && (!result.fieldErrors || Object.keys(result.fieldErrors).some((f) => !FIELDS.includes(f as FieldName))) ? result : null;
  const formErrorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) formErrorRef.current?.focus();
  }, [formError]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(values);
    const firstInvalid = FIELDS.find((f) => clientErrors[f]);
    if (firstInvalid) {
      const focusId = firstInvalid === "groupId" ? ids.slot.id : firstInvalid === "subnetId" ? firstSubnetInput() : ids[fieldKey(firstInvalid)].id;
      if (focusId) document.getElementById(focusId)?.focus();
      return;
    }
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };

  const firstSubnetInput = () => {
    const chosen = chosenSubnet ? `subnet-${chosenSubnet.id}` : null;
    if (chosen) return chosen;
    const allowed = allNetworks.flatMap((n) => n.subnets).find((s) => s.endpointAllowed);
    return allowed ? `subnet-${allowed.id}` : ids.subscription.id;
  };

  const targetError = errorOf("targetResourceId");
  const messageError = errorOf("requestMessage");
  const nameError = errorOf("endpointName");
  const subscriptionError = errorOf("subscriptionId");
  const subnetError = errorOf("subnetId");
  const groupError = errorOf("groupId", groupChoice === "slot" ? "slotName" : "groupId");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={formError ? "form-error" : undefined}>
      {formError && (
        <div id="form-error" ref={formErrorRef} tabIndex={-1} role="alert" className="rounded-fl border border-danger bg-danger-bg px-4 py-3 text-sm text-danger">
          <p className="font-semibold">{formError.status === 401 ? "Your sign-in has expired" : "The request was not filed"}</p>
          <p className="mt-1 text-fg1">
            {formError.message} {formError.status === 401 && <SignInAgainLink returnTo="/requests/new" />}
          </p>
        </div>
      )}
      {result && !result.ok && !formError && (
        <p role="alert" className="rounded-fl bg-danger-bg px-4 py-2 text-sm text-danger">
          {result.message}
        </p>
      )}

      {/* ------------------------------------------------------------ what */}
      <section aria-labelledby="what-heading" className={`${cardStyles} space-y-5`}>
        <div>
          <h2 id="what-heading" className="text-base font-semibold">
            What do you want to reach?
          </h2>
          <p className="text-sm text-fg2">The provider&apos;s web app, function app, deployment slot or Private Link Service.</p>
        </div>
        <Field
          ids={ids.target}
          label="Target resource ID"
          error={targetError}
          hint={
            <>
              Ask the provider for it, or paste it from the Azure portal (the address of the resource&apos;s page works too). It looks like
              <span className="font-mono"> /subscriptions/…/resourceGroups/…/providers/Microsoft.Web/sites/&lt;app&gt;</span>.
            </>
          }
        >
          <input
            {...controlProps(ids.target, targetError)}
            name="targetResourceId"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            onBlur={() => setTouched((t) => ({ ...t, targetResourceId: true }))}
            className={`${inputStyles} font-mono`}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </Field>
        {targetOk && (
          <p className="rounded-fl bg-surface2 px-3 py-2 text-sm text-fg2" data-testid="target-summary">
            <span className="font-semibold text-fg1">{targetLabel(targetOk)}</span>{" "}
            <span className="font-mono text-fg1">{targetOk.kind === "slot" ? `${targetOk.siteName}/${targetOk.slotName}` : targetOk.name}</span> in resource group{" "}
            <span className="font-mono">{targetOk.resourceGroup}</span>, subscription <span className="font-mono">{targetOk.subscriptionId}</span>
          </p>
        )}

        <GroupIdChoice
          target={targetOk}
          choice={groupChoice}
          onChoice={setGroupChoice}
          slotName={slotName}
          onSlotName={(v) => setSlotName(v)}
          onSlotBlur={() => setTouched((t) => ({ ...t, slotName: true }))}
          error={groupError}
        />
        <input type="hidden" name="groupId" value={groupId} />
      </section>

      {/* ------------------------------------------------------------ why */}
      <section aria-labelledby="why-heading" className={`${cardStyles} space-y-5`}>
        <div>
          <h2 id="why-heading" className="text-base font-semibold">
            Your message to the provider
          </h2>
          <p className="text-sm text-fg2">Azure stores it with the connection request; the provider reads it before deciding.</p>
        </div>
        <Field
          ids={ids.message}
          label="Request message"
          error={messageError}
          hint="Say who you are, what you need the connection for, and a ticket or contract number if you have one."
          extra={
            <span
              id="requestMessage-count"
              className={`text-xs tabular-nums ${messageCheck.length > messageCheck.limit ? "font-semibold text-danger" : "text-fg3"}`}
              data-testid="message-count"
            >
              {messageCheck.length} / {messageCheck.limit}
              <span className="sr-only"> characters</span>
            </span>
          }
        >
          <textarea
            {...controlProps(ids.message, messageError)}
            aria-describedby={[ids.message.hintId, "requestMessage-count", messageError ? ids.message.errorId : null].filter(Boolean).join(" ")}
            name="requestMessage"
            rows={3}
            value={message}
            onChange={(e) => {
              setMessage(e.target.value);
              setTouched((t) => ({ ...t, requestMessage: true }));
            }}
            className={inputStyles}
          />
        </Field>
        {!entry && <p className="text-xs text-fg3">The limit depends on the target: 140 characters for App Service apps and Private Link Services.</p>}
      </section>

      {/* ------------------------------------------------------------ where */}
      <section aria-labelledby="where-heading" className={`${cardStyles} space-y-5`}>
        <div>
          <h2 id="where-heading" className="text-base font-semibold">
            Where the private endpoint goes
          </h2>
          <p className="text-sm text-fg2">
            In one of your subscriptions and virtual networks, read live from Azure with your own account. Crosslink creates the endpoint with your rights.
          </p>
        </div>

        <SubscriptionPicker
          load={subscriptions}
          value={subscriptionId}
          error={subscriptionError}
          onRetry={() => {
            setSubscriptions({ status: "loading" });
            loadSubscriptions();
          }}
          onChange={(id) => {
            setSubscriptionId(id);
            setSubnetId("");
            setTouched((t) => ({ ...t, subscriptionId: true }));
            loadNetworks(id);
          }}
        />

        {subscriptionId && (
          <SubnetPicker
            load={networks}
            value={subnetId}
            error={subnetError}
            onRetry={() => loadNetworks(subscriptionId)}
            onChange={(id) => {
              setSubnetId(id);
              setTouched((t) => ({ ...t, subnetId: true }));
            }}
          />
        )}
        <input type="hidden" name="subnetId" value={subnetId} />

        <div className="grid gap-5 sm:grid-cols-2">
          <div className="space-y-1.5">
            <p className="text-sm font-semibold text-fg1" id="region-label">
              Region
            </p>
            <p className="text-sm text-fg2" aria-labelledby="region-label" data-testid="endpoint-region">
              {chosenNetwork ? (
                <>
                  <span className="font-semibold text-fg1">{chosenNetwork.location}</span> — follows the virtual network {chosenNetwork.name}
                </>
              ) : (
                "Follows the virtual network you choose."
              )}
            </p>
            <p className="text-xs text-fg3">A private endpoint must be in its virtual network&apos;s region; the app it reaches can be anywhere.</p>
          </div>
          <Field
            ids={ids.name}
            label="Endpoint name"
            error={nameError}
            hint={
              chosenNetwork
                ? `Created in resource group ${chosenNetwork.resourceGroup}. 2–64 letters, digits, hyphens, underscores or periods.`
                : "2–64 letters, digits, hyphens, underscores or periods; starts with a letter or digit."
            }
          >
            <div className="flex gap-2">
              <input
                {...controlProps(ids.name, nameError)}
                name="endpointName"
                value={endpointName}
                onChange={(e) => {
                  setNameInput(e.target.value);
                  setTouched((t) => ({ ...t, endpointName: true }));
                }}
                placeholder={targetOk ? undefined : "Suggested from the target"}
                className={`${inputStyles} font-mono`}
                autoComplete="off"
                spellCheck={false}
              />
              {nameInput !== null && suggestion && nameInput !== suggestion && (
                <button type="button" className={buttonStyles.subtle} onClick={() => setNameInput(null)}>
                  Use suggestion
                </button>
              )}
            </div>
          </Field>
        </div>
        <input type="hidden" name="subscriptionId" value={subscriptionId} />
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles.primary} disabled={pending} aria-disabled={pending}>
          {pending ? <Spinner inherit label="Filing…" /> : "File request"}
        </button>
        <Link href="/requests" className={buttonStyles.subtle}>
          Cancel
        </Link>
        <p className="text-xs text-fg3">Crosslink records the request, then creates the endpoint in Azure; you can follow it on the next page.</p>
      </div>
    </form>
  );
}

function fieldKey(field: FieldName): keyof typeof ids {
  switch (field) {
    case "targetResourceId":
      return "target";
    case "groupId":
      return "group";
    case "requestMessage":
      return "message";
    case "subscriptionId":
      return "subscription";
    case "subnetId":
      return "subnet";
    case "endpointName":
      return "name";
  }
}

// ---------------------------------------------------------------- group ID

function GroupIdChoice({
  target,
  choice,
  onChoice,
  slotName,
  onSlotName,
  onSlotBlur,
  error,
}: {
  target: TargetResourceId | null;
  choice: "site" | "slot";
  onChoice: (c: "site" | "slot") => void;
  slotName: string;
  onSlotName: (v: string) => void;
  onSlotBlur: () => void;
  error: string | null;
}) {
  const heading = (
    <span className="text-sm font-semibold text-fg1">
      Group ID <span className="font-normal text-fg3">(Azure&apos;s “sub-resource”)</span>
    </span>
  );
  if (!target) {
    return (
      <div className="space-y-1">
        <p>{heading}</p>
        <p className="text-sm text-fg3" data-testid="group-id-explanation">
          Chosen from the target once you have entered its ID.
        </p>
      </div>
    );
  }
  if (target.kind === "privateLinkService") {
    return (
      <div className="space-y-1">
        <p>{heading}</p>
        <p className="text-sm text-fg2" data-testid="group-id-explanation">
          None: Private Link Services don&apos;t use group IDs. The provider decides what the service exposes.
        </p>
      </div>
    );
  }
  if (target.kind === "slot") {
    return (
      <div className="space-y-1">
        <p>{heading}</p>
        <p className="text-sm text-fg2" data-testid="group-id-explanation">
          <span className="font-mono font-semibold text-fg1">{slotGroupId(target.slotName)}</span> — a deployment slot is reached through its app&apos;s ID with
          the group ID <span className="font-mono">sites-&lt;slot&gt;</span>; this is the only one that reaches the slot {target.slotName}.
        </p>
      </div>
    );
  }
  return (
    <fieldset className="space-y-2" aria-describedby={`${ids.group.hintId}${error ? ` ${ids.group.errorId}` : ""}`}>
      <legend>{heading}</legend>
      <p id={ids.group.hintId} className="text-xs text-fg3">
        Which part of {target.siteName} the endpoint reaches: the app itself (its production slot), or one of its deployment slots.
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="groupChoice" value="site" checked={choice === "site"} onChange={() => onChoice("site")} className="mt-1" />
        <span>
          <span className="font-mono font-semibold">sites</span> — the app {target.siteName} (production)
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="groupChoice" value="slot" checked={choice === "slot"} onChange={() => onChoice("slot")} className="mt-1" />
        <span>
          <span className="font-mono font-semibold">sites-&lt;slot&gt;</span> — one of its deployment slots
        </span>
      </label>
      {choice === "slot" && (
        <div className="ml-6 max-w-xs space-y-1">
          <label htmlFor={ids.slot.id} className="block text-sm font-semibold">
            Slot name
          </label>
          <input
            id={ids.slot.id}
            value={slotName}
            onChange={(e) => onSlotName(e.target.value)}
            onBlur={onSlotBlur}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.group.errorId : undefined}
            className={`${inputStyles} font-mono`}
            placeholder="staging"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      )}
      <FieldError id={ids.group.errorId} error={error} />
    </fieldset>
  );
}

// ---------------------------------------------------------------- subscription

function LoadProblem({ load, onRetry }: { load: Extract<Load<unknown>, { status: "error" }>; onRetry: () => void }) {
  return (
    <div role="alert" className="space-y-2 rounded-fl border border-danger bg-danger-bg px-3 py-2 text-sm">
      <p className="text-danger">{load.message}</p>
      {load.reauth ? (
        <p>
          <SignInAgainLink returnTo="/requests/new" /> — what you typed here is lost when you do.
        </p>
      ) : (
        <button type="button" className={buttonStyles.secondary} onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function SubscriptionPicker({
  load,
  value,
  error,
  onChange,
  onRetry,
}: {
  load: Load<Subscription[]>;
  value: string;
  error: string | null;
  onChange: (id: string) => void;
  onRetry: () => void;
}) {
  if (load.status === "loading" || load.status === "idle") {
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-semibold">Subscription</p>
        <p role="status" className="text-sm text-fg2">
          <Spinner label="Loading your subscriptions from Azure…" />
        </p>
      </div>
    );
  }
  if (load.status === "error") {
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-semibold">Subscription</p>
        <LoadProblem load={load} onRetry={onRetry} />
      </div>
    );
  }
  const usable = load.data.filter((s) => s.usable);
  if (usable.length === 0) {
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-semibold">Subscription</p>
        <div className="rounded-fl border border-stroke2 bg-surface2 px-3 py-3 text-sm" data-testid="no-subscriptions">
          <p className="font-semibold text-fg1">You have no subscriptions you can create private endpoints in.</p>
          <p className="mt-1 text-fg2">
            Azure lists only subscriptions where your account has a role. Ask an owner of a subscription in your organization for Network Contributor on a
            resource group with a virtual network, then reload this page.
          </p>
        </div>
      </div>
    );
  }
  return (
    <Field ids={ids.subscription} label="Subscription" error={error} hint={`${usable.length} subscription${usable.length === 1 ? "" : "s"} your account can use.`}>
      <select {...controlProps(ids.subscription, error)} value={value} onChange={(e) => onChange(e.target.value)} className={inputStyles}>
        <option value="">Choose a subscription…</option>
        {load.data.map((s) => (
          <option key={s.subscriptionId} value={s.subscriptionId} disabled={!s.usable}>
            {s.displayName} ({s.subscriptionId}){s.usable ? "" : ` — ${s.state}`}
          </option>
        ))}
      </select>
    </Field>
  );
}

// ---------------------------------------------------------------- subnet

function SubnetPicker({
  load,
  value,
  error,
  onChange,
  onRetry,
}: {
  load: Load<Network[]>;
  value: string;
  error: string | null;
  onChange: (id: string) => void;
  onRetry: () => void;
}) {
  if (load.status === "idle" || load.status === "loading") {
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-semibold">Virtual network and subnet</p>
        <p role="status" className="text-sm text-fg2">
          <Spinner label="Loading virtual networks from Azure…" />
        </p>
      </div>
    );
  }
  if (load.status === "error") {
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-semibold">Virtual network and subnet</p>
        <LoadProblem load={load} onRetry={onRetry} />
      </div>
    );
  }
  if (load.data.length === 0) {
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-semibold">Virtual network and subnet</p>
        <p className="rounded-fl border border-stroke2 bg-surface2 px-3 py-3 text-sm text-fg2" data-testid="no-networks">
          This subscription has no virtual networks you can see. Choose another subscription, or create a virtual network with a subnet for private endpoints first.
        </p>
      </div>
    );
  }
  const anyAllowed = load.data.some((n) => n.subnets.some((s) => s.endpointAllowed));
  return (
    <fieldset className="space-y-3" aria-describedby={`${ids.subnet.hintId}${error ? ` ${ids.subnet.errorId}` : ""}`} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-semibold">Virtual network and subnet</legend>
      <p id={ids.subnet.hintId} className="text-xs text-fg3">
        The endpoint takes one private IP address from the subnet. Subnets Azure won&apos;t put a private endpoint in are shown with the reason.
      </p>
      {load.data.map((network) => (
        <div key={network.id} role="group" aria-labelledby={`vnet-${network.id}`} className="rounded-fl border border-stroke2">
          <p id={`vnet-${network.id}`} className="flex flex-wrap items-baseline gap-x-3 border-b border-stroke2 bg-surface2 px-3 py-2 text-sm">
            <span className="font-semibold text-fg1">{network.name}</span>
            <span className="text-fg2">{network.location}</span>
            <span className="text-xs text-fg3">
              resource group {network.resourceGroup} · {network.addressPrefixes.join(", ")}
            </span>
          </p>
          <ul className="divide-y divide-stroke2">
            {network.subnets.length === 0 && <li className="px-3 py-2 text-sm text-fg3">No subnets.</li>}
            {network.subnets.map((subnet) => {
              const inputId = `subnet-${subnet.id}`;
              const reasonId = `${inputId}-reason`;
              return (
                <li key={subnet.id} className={`px-3 py-2 ${subnet.endpointAllowed ? "" : "bg-surface3/60"}`}>
                  <label htmlFor={inputId} className={`flex items-start gap-2 text-sm ${subnet.endpointAllowed ? "cursor-pointer" : "cursor-not-allowed"}`}>
                    <input
                      id={inputId}
                      type="radio"
                      name="subnetChoice"
                      value={subnet.id}
                      checked={value === subnet.id}
                      disabled={!subnet.endpointAllowed}
                      aria-describedby={subnet.reason ? reasonId : undefined}
                      onChange={() => onChange(subnet.id)}
                      className="mt-1"
                    />
                    <span className="min-w-0">
                      <span className={`font-mono ${subnet.endpointAllowed ? "text-fg1" : "text-fg3"}`}>{subnet.name}</span>{" "}
                      <span className="text-xs text-fg3">{subnet.addressPrefixes.join(", ")}</span>
                      {subnet.reason && (
                        <span id={reasonId} className="block text-xs text-fg2" data-testid="subnet-reason">
                          Unavailable: {subnet.reason}
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {!anyAllowed && <p className="text-sm text-fg2">None of these subnets can hold a private endpoint. Add a subnet without delegations, or choose another subscription.</p>}
      <FieldError id={ids.subnet.errorId} error={error} />
    </fieldset>
  );
}
