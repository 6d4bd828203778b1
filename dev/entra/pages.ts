/**
 * The small pages besides the sign-in page: errors that cannot go back to the app, the
 * form_post auto-submit page, "signed out", and an index for humans who open the root URL.
 */
import { DEMO_TENANTS } from "../world/demo-tenants";
import type { EntraError } from "./errors";
import { entraTimestamp } from "./errors";
import { html, page } from "./html";

export function errorPage(nonce: string, error: EntraError, ids: { traceId: string; correlationId: string }): string {
  return page({
    title: "Sign in — Local Entra ID",
    nonce,
    body: html`<main aria-labelledby="heading">
<p class="brand">Local Entra ID</p>
<h1 id="heading">Sorry, but we're having trouble signing you in.</h1>
<div class="error" role="alert" id="page-error"><p><strong>${`AADSTS${error.code}`}</strong>: ${error.text}</p></div>
<p>Go back to the application and start the sign-in again. If this keeps happening, the application's configuration does not match this identity provider.</p>
<h2>Troubleshooting details</h2>
<p class="details">Error: ${error.error}<br>Trace ID: ${ids.traceId}<br>Correlation ID: ${ids.correlationId}<br>Timestamp: ${entraTimestamp()}</p>
</main>`,
  });
}

/** Entra's form_post page: posts the response to the app; a button covers browsers without JavaScript. */
export function formPostPage(nonce: string, action: string, fields: Record<string, string>): string {
  return page({
    title: "Working...",
    nonce,
    body: html`<main aria-labelledby="heading">
<h1 id="heading">Signing you in…</h1>
<form method="post" action="${action}" id="form_post">
${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\n`)}
<noscript><p>Script is disabled. Select Continue to go back to the application.</p><button type="submit" class="primary">Continue</button></noscript>
</form>
</main>`,
    script: "document.getElementById('form_post').submit();",
  });
}

export function signedOutPage(nonce: string): string {
  return page({
    title: "Signed out — Local Entra ID",
    nonce,
    body: html`<main aria-labelledby="heading">
<p class="brand">Local Entra ID</p>
<h1 id="heading">You signed out of your account</h1>
<p>It's a good idea to close all browser windows.</p>
</main>`,
  });
}

export function indexPage(nonce: string, baseUrl: string): string {
  const rows = [
    { label: "Any work account (common)", segment: "common" },
    { label: "Any work account (organizations)", segment: "organizations" },
    ...DEMO_TENANTS.map((t) => ({ label: `${t.displayName} (${t.domain}, ${t.role})`, segment: t.tenantId })),
  ];
  return page({
    title: "Local Entra ID",
    nonce,
    wide: true,
    body: html`<main aria-labelledby="heading">
<p class="brand">Local Entra ID — a stand-in for Microsoft Entra ID, for local development only</p>
<h1 id="heading">Authorities</h1>
<table>
<thead><tr><th scope="col">Who can sign in</th><th scope="col">Authority</th><th scope="col">Discovery</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr><td>${r.label}</td><td><code>${baseUrl}/${r.segment}</code></td><td><a href="/${r.segment}/v2.0/.well-known/openid-configuration">openid-configuration</a></td></tr>\n`,
)}
</tbody>
</table>
<p>Every demo user's password is shown on the sign-in page.</p>
</main>`,
  });
}
