import type { ReactNode } from "react";
import type { Load } from "@/app/_lib/use-json";
import { LoadProblem } from "../_components/load-problem";
import { Spinner, type FieldIds } from "../_components/field";

/** What both pickers take: their field's ids, what was loaded from Azure, the choice and its error. */
export type PickerProps<T> = {
  ids: FieldIds;
  load: Load<T>;
  value: string;
  error: string | null;
  onChange: (id: string) => void;
  onRetry: () => void;
};

/** A picker's label over what stands in for its choices (loading, a problem, nothing to choose). */
export function PickerFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-semibold">{label}</p>
      {children}
    </div>
  );
}

/** A picker whose choices are not there yet: loading them from Azure, or why they could not be. */
export function PickerPending({
  label,
  load,
  loadingText,
  onRetry,
}: {
  label: string;
  load: Exclude<Load<unknown>, { status: "ready" }>;
  loadingText: string;
  onRetry: () => void;
}) {
  return (
    <PickerFrame label={label}>
      {load.status === "failed" ? (
        <LoadProblem error={load.error} onRetry={onRetry} signInNote="what you typed here is lost when you do." />
      ) : (
        <p role="status" className="text-sm text-fg2">
          <Spinner label={loadingText} />
        </p>
      )}
    </PickerFrame>
  );
}
