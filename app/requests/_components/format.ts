/** "contoso-orders" from an ARM ID's last segment. */
export function lastSegment(id: string): string {
  return id.replace(/\/+$/, "").split("/").pop() ?? id;
}
