import type { TargetResourceId } from "@/lib/domain/resource-id";
import { slotGroupId } from "@/lib/domain/private-link-catalog";
import { FieldError, inputStyles, type FieldIds } from "../_components/field";

/**
 * The group ID (Azure's "sub-resource") the endpoint reaches, which follows from the target: none
 * for a Private Link Service, the slot's own for a slot's ID, and for an app a choice between the
 * app itself and one of its slots (named in a field). `ids` are the group ID's (hint, error);
 * `slotIds` the slot name field's.
 */
export function GroupIdChoice({
  target,
  choice,
  onChoice,
  slotName,
  onSlotName,
  onSlotBlur,
  error,
  ids,
  slotIds,
}: {
  target: TargetResourceId | null;
  choice: "site" | "slot";
  onChoice: (c: "site" | "slot") => void;
  slotName: string;
  onSlotName: (v: string) => void;
  onSlotBlur: () => void;
  error: string | null;
  ids: FieldIds;
  slotIds: FieldIds;
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
    <fieldset className="min-w-0 space-y-2" aria-describedby={`${ids.hintId}${error ? ` ${ids.errorId}` : ""}`}>
      <legend>{heading}</legend>
      <p id={ids.hintId} className="text-xs text-fg3">
        Which part of {target.siteName} the endpoint reaches: the app itself (its production slot), or one of its deployment slots.
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="groupChoice" value="site" checked={choice === "site"} onChange={() => onChoice("site")} className="mt-1" />
        <span className="min-w-0">
          <span className="font-mono font-semibold">sites</span> — the app {target.siteName} (production)
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="groupChoice" value="slot" checked={choice === "slot"} onChange={() => onChoice("slot")} className="mt-1" />
        <span className="min-w-0">
          <span className="font-mono font-semibold">sites-&lt;slot&gt;</span> — one of its deployment slots
        </span>
      </label>
      {choice === "slot" && (
        <div className="ml-6 max-w-xs space-y-1">
          <label htmlFor={slotIds.id} className="block text-sm font-semibold">
            Slot name
          </label>
          <input
            id={slotIds.id}
            value={slotName}
            onChange={(e) => onSlotName(e.target.value)}
            onBlur={onSlotBlur}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.errorId : undefined}
            className={`${inputStyles} font-mono`}
            placeholder="staging"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      )}
      <FieldError id={ids.errorId} error={error} />
    </fieldset>
  );
}
