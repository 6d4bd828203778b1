/**
 * For tests: drives a sign-in (or the admin consent endpoint) over fetch like
 * signInThroughBrowserlessForm, and answers the consent page that may follow ("Permissions
 * requested", "Need admin approval") with `decision`, as a person would click it.
 */
import {
  BrowserlessSignInError,
  CookieJar,
  resultFrom,
  signInThroughBrowserlessForm,
  type BrowserlessSignInOptions,
  type BrowserlessSignInResult,
} from "./test-support";

export type ConsentDecision = "accept" | "cancel" | "back";

export type ConsentRun = {
  result: BrowserlessSignInResult;
  /** The consent page's HTML, or "" when none was shown (consent already there, or not needed). */
  consentPage: string;
};

function decode(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export async function signInAndDecide(
  options: BrowserlessSignInOptions & { decision: ConsentDecision; forOrganization?: boolean },
): Promise<ConsentRun> {
  const jar = options.cookies ?? new CookieJar();
  let page: string;
  try {
    return { result: await signInThroughBrowserlessForm({ ...options, cookies: jar }), consentPage: "" };
  } catch (err) {
    if (!(err instanceof BrowserlessSignInError) || !err.html.includes('id="consent-form"')) throw err;
    page = err.html;
  }
  const action = /<form method="post" action="([^"]*)" id="consent-form"/.exec(page)?.[1];
  const pending = /name="pending" value="([^"]*)"/.exec(page)?.[1];
  if (!action || !pending) throw new Error("The consent page has no consent form.");
  const body = new URLSearchParams({ pending: decode(pending), decision: options.decision });
  if (options.forOrganization) body.set("forOrganization", "1");
  const res = await fetch(new URL(decode(action), options.authorizeUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body,
  });
  jar.store(res);
  const location = res.headers.get("location");
  if (res.status !== 302 || !location) throw new BrowserlessSignInError(`The consent decision was answered with HTTP ${res.status}.`, res.status, await res.text());
  return { consentPage: page, result: resultFrom(location, false) };
}
