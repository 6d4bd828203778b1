import type { Subscription } from "../_lib/consumer-api";
import { controlProps, Field, inputStyles } from "../_components/field";
import { PickerFrame, PickerPending, type PickerProps } from "./picker-frame";

const LABEL = "Subscription";

/**
 * The subscription the endpoint goes into, from the person's own subscriptions in Azure. Those
 * Azure allows no new resources in are listed but disabled, with their state, so nobody wonders
 * where a subscription went.
 */
export function SubscriptionPicker({ ids, load, value, error, onChange, onRetry }: PickerProps<{ subscriptions: Subscription[] }>) {
  if (load.status !== "ready") return <PickerPending label={LABEL} load={load} loadingText="Loading your subscriptions from Azure…" onRetry={onRetry} />;
  const { subscriptions } = load.data;
  const usable = subscriptions.filter((s) => s.usable);
  if (usable.length === 0) {
    return (
      <PickerFrame label={LABEL}>
        <div className="rounded-fl border border-stroke2 bg-surface2 px-3 py-3 text-sm" data-testid="no-subscriptions">
          <p className="font-semibold text-fg1">You have no subscriptions you can create private endpoints in.</p>
          <p className="mt-1 text-fg2">
            Azure lists only subscriptions where your account has a role. Ask an owner of a subscription in your organization for Network Contributor on a
            resource group with a virtual network, then reload this page.
          </p>
        </div>
      </PickerFrame>
    );
  }
  return (
    <Field ids={ids} label={LABEL} error={error} hint={`${usable.length} subscription${usable.length === 1 ? "" : "s"} your account can use.`}>
      <select {...controlProps(ids, error)} value={value} onChange={(e) => onChange(e.target.value)} className={inputStyles}>
        <option value="">Choose a subscription…</option>
        {subscriptions.map((s) => (
          <option key={s.subscriptionId} value={s.subscriptionId} disabled={!s.usable}>
            {s.displayName} ({s.subscriptionId}){s.usable ? "" : ` — ${s.state}`}
          </option>
        ))}
      </select>
    </Field>
  );
}
