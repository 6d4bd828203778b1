import type { Network } from "../_lib/consumer-api";
import { FieldError } from "../_components/field";
import { PickerFrame, PickerPending, type PickerProps } from "./picker-frame";

const LABEL = "Virtual network and subnet";

/** The id of a subnet's radio button, for focusing it. */
export const subnetInputId = (subnetId: string) => `subnet-${subnetId}`;

/**
 * The subnet the endpoint takes its private IP address from: one radio group over all of the
 * subscription's virtual networks, grouped by network. Subnets Azure would refuse (delegated, for
 * instance) are shown disabled with the reason, so the person sees why their subnet is not offered.
 */
export function SubnetPicker({ ids, load, value, error, onChange, onRetry }: PickerProps<{ networks: Network[] }>) {
  if (load.status !== "ready") return <PickerPending label={LABEL} load={load} loadingText="Loading virtual networks from Azure…" onRetry={onRetry} />;
  const { networks } = load.data;
  if (networks.length === 0) {
    return (
      <PickerFrame label={LABEL}>
        <p className="rounded-fl border border-stroke2 bg-surface2 px-3 py-3 text-sm text-fg2" data-testid="no-networks">
          This subscription has no virtual networks you can see. Choose another subscription, or create a virtual network with a subnet for private endpoints first.
        </p>
      </PickerFrame>
    );
  }
  const anyAllowed = networks.some((n) => n.subnets.some((s) => s.endpointAllowed));
  return (
    <fieldset className="min-w-0 space-y-3" aria-describedby={`${ids.hintId}${error ? ` ${ids.errorId}` : ""}`} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-semibold">{LABEL}</legend>
      <p id={ids.hintId} className="text-xs text-fg3">
        The endpoint takes one private IP address from the subnet. Subnets Azure won&apos;t put a private endpoint in are shown with the reason.
      </p>
      {networks.map((network) => (
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
              const inputId = subnetInputId(subnet.id);
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
      <FieldError id={ids.errorId} error={error} />
    </fieldset>
  );
}
