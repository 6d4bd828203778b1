/**
 * The second-factor step of sign-in (Entra's "Approve sign-in request"). The demo has no phone:
 * one button stands for approving the request in an authenticator app. When the app did not
 * demand a second factor, a second button finishes with the password only.
 * Plain HTML forms, no JavaScript, like the sign-in page.
 */
import type { Account } from "./directory";
import { html, page } from "./html";

export type SecondFactorPageModel = {
  nonce: string;
  /** The form's action URL: /{authority}/login. */
  action: string;
  flowId: string;
  appName: string;
  account: Account;
  /** The app (or the resource it asks for) demands a second factor: no password-only way out. */
  required: boolean;
};

export function secondFactorPage(model: SecondFactorPageModel): string {
  const hidden = (action: string) =>
    html`<input type="hidden" name="flow" value="${model.flowId}"><input type="hidden" name="action" value="${action}">`;
  return page({
    title: "Approve sign-in request — Local Entra ID",
    nonce: model.nonce,
    body: html`<main aria-labelledby="heading">
<p class="brand">Local Entra ID</p>
<h1 id="heading">Approve sign-in request</h1>
<p>${model.account.user.username}</p>
${model.required ? html`<p id="why">${model.appName} asks you to confirm your sign-in with a second factor.</p>` : ""}
<p id="how">Open your authenticator app and approve the request to sign in to <strong>${model.appName}</strong>. In this demo there is no phone: choose <em>Approve on my phone (demo)</em>.</p>
<form method="post" action="${model.action}" id="approve-form" aria-describedby="how">
${hidden("approve")}
<button type="submit" class="primary" autofocus>Approve on my phone (demo)</button>
</form>
${
  model.required
    ? ""
    : html`<form method="post" action="${model.action}" id="skip-form">
${hidden("skip")}
<button type="submit">Continue with password only</button>
</form>`
}
</main>`,
  });
}
