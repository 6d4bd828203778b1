import type { TargetResourceId } from "@/lib/domain/resource-id";
import { targetLabel } from "@/lib/domain/private-link-catalog";
import { controlProps, Field, inputStyles, type FieldIds } from "../_components/field";

/**
 * The provider's resource, by its ID (or the portal address of its page), and once it parses,
 * what Crosslink read from it in words, so a pasted ID can be checked at a glance.
 */
export function TargetField({
  ids,
  value,
  target,
  error,
  onChange,
  onBlur,
}: {
  ids: FieldIds;
  value: string;
  /** `value` parsed, when it is a valid target. */
  target: TargetResourceId | null;
  error: string | null;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  return (
    <>
      <Field
        ids={ids}
        label="Target resource ID"
        error={error}
        hint={
          <>
            Ask the provider for it, or paste it from the Azure portal (the address of the resource&apos;s page works too). It looks like
            <span className="font-mono"> /subscriptions/…/resourceGroups/…/providers/Microsoft.Web/sites/&lt;app&gt;</span>.
          </>
        }
      >
        <input
          {...controlProps(ids, error)}
          name="targetResourceId"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          className={`${inputStyles} font-mono`}
          autoComplete="off"
          spellCheck={false}
          required
        />
      </Field>
      {target && (
        <p className="rounded-fl bg-surface2 px-3 py-2 text-sm text-fg2" data-testid="target-summary">
          <span className="font-semibold text-fg1">{targetLabel(target)}</span>{" "}
          <span className="font-mono text-fg1">{target.kind === "slot" ? `${target.siteName}/${target.slotName}` : target.name}</span> in resource group{" "}
          <span className="font-mono">{target.resourceGroup}</span>, subscription <span className="font-mono">{target.subscriptionId}</span>
        </p>
      )}
    </>
  );
}
