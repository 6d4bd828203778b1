/** Longest claims challenge accepted in a sign-in link (real ones are a few hundred characters). */
export const MAX_CLAIMS_LENGTH = 2048;

/**
 * Where the person goes to satisfy a claims challenge (step-up) and come back to `returnTo`: safe
 * in the browser bundle (no server code). The sign-in route validates both parameters.
 */
export function stepUpSignInPath(claims: string, returnTo: string): string {
  const query = new URLSearchParams({ claims, returnTo });
  return `/auth/sign-in?${query.toString()}`;
}
