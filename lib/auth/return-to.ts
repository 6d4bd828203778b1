/**
 * Where to send someone after sign-in. Only same-origin paths are accepted, so the sign-in flow
 * can never be used as an open redirect ("//evil.example", "https://evil.example", "/\\evil").
 */
export function safeReturnTo(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const parsed = new URL(value, "http://placeholder.invalid");
    if (parsed.origin !== "http://placeholder.invalid") return fallback;
    if (parsed.pathname.startsWith("/auth/")) return fallback; // never loop back into the flow
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return fallback;
  }
}
