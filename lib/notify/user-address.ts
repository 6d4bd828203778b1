/**
 * Where a person is emailed: the address they signed in with, i.e. the email claim, else a
 * user principal name that is an address; null when they have neither.
 */
export function emailAddressOf(user: { email: string | null; username: string }): string | null {
  const address = user.email ?? (user.username.includes("@") ? user.username : null);
  return address?.toLowerCase() ?? null;
}
