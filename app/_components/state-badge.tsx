const STYLES: Record<string, string> = {
  Pending: "bg-warning-bg text-warning",
  Approved: "bg-success-bg text-success",
  Rejected: "bg-danger-bg text-danger",
  Disconnected: "bg-surface3 text-fg2",
  Failed: "bg-danger-bg text-danger",
};

export function StateBadge({ state }: { state: string }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[state] ?? "bg-brand-subtle text-brand-fg"}`}>
      {state}
    </span>
  );
}
