/**
 * The delivery log's statuses, in the order of its filter, with their words. "all" is the
 * filter's own value, not a status.
 */
export const DELIVERY_FILTERS = ["all", "delivered", "retrying", "dead", "skipped", "pending"] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];
export type Tone = "success" | "warning" | "danger" | "neutral";

export const DELIVERY_STATUS: Record<Exclude<DeliveryFilter, "all">, { label: string; meaning: string; tone: Tone }> = {
  delivered: { label: "Delivered", meaning: "The receiver accepted it.", tone: "success" },
  retrying: { label: "Retrying", meaning: "A try failed; Crosslink tries again on the delivery schedule.", tone: "warning" },
  dead: { label: "Dead", meaning: "Every try failed; Crosslink gave up. Redeliver it once the receiver works.", tone: "danger" },
  skipped: { label: "Skipped", meaning: "Not sent: the route was paused or disabled, or a reminder's request was decided first.", tone: "neutral" },
  pending: { label: "Pending", meaning: "Waiting for its first try.", tone: "neutral" },
};

export function deliveryStatusLabel(status: string): string {
  return (DELIVERY_STATUS as Record<string, { label: string } | undefined>)[status]?.label ?? status;
}

export function deliveryTone(status: string): Tone {
  return (DELIVERY_STATUS as Record<string, { tone: Tone } | undefined>)[status]?.tone ?? "neutral";
}

/** Whether a delivery's status can still change without anyone doing anything. */
export function isSettledDelivery(status: string): boolean {
  return status === "delivered" || status === "dead" || status === "skipped";
}

export function asDeliveryFilter(raw: unknown): DeliveryFilter {
  return (DELIVERY_FILTERS as readonly unknown[]).includes(raw) ? (raw as DeliveryFilter) : "all";
}

export const TONE_STYLES: Record<Tone, string> = {
  success: "bg-success-bg text-success",
  warning: "bg-warning-bg text-warning",
  danger: "bg-danger-bg text-danger",
  neutral: "bg-surface3 text-fg2",
};
