/** Dates as people read them, in UTC and saying so (the server renders them; browsers differ in zone). */
const UTC = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

export function formatUtc(date: Date): string {
  return `${UTC.format(date)} UTC`;
}

/** What a state means for the consumer, in one line (lists, tooltips). */
export const STATE_MEANING: Record<string, string> = {
  Filed: "Recorded; the endpoint is about to be created.",
  Creating: "Crosslink is creating the private endpoint in your subscription.",
  Pending: "The endpoint exists; waiting for the provider's decision.",
  Approved: "Connected: traffic flows once DNS is set up.",
  Rejected: "The provider rejected the connection.",
  Disconnected: "The provider removed the connection.",
  Failed: "Creating the endpoint failed: retry or discard.",
  Withdrawn: "Withdrawn; the endpoint was deleted.",
};

/** "contoso-orders" from an ARM ID's last segment. */
export function lastSegment(id: string): string {
  return id.replace(/\/+$/, "").split("/").pop() ?? id;
}
