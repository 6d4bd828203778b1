/**
 * The consent pages, worded like Entra's: "Permissions requested" (a user consents for
 * themselves, or an administrator for the organization) and "Need admin approval". Plain HTML
 * forms, no JavaScript; each posts its decision to /{authority}/consent with the pending consent's ID.
 */
import type { Account } from "./directory";
import { html, page, type Html } from "./html";

export type ConsentPageModel = {
  nonce: string;
  /** /{authority}/consent */
  action: string;
  pendingId: string;
  appName: string;
  account: Account;
};

const PERMISSIONS = [
  {
    title: "Access Azure Resource Manager as you",
    detail:
      "Azure Resource Manager \u201cuser_impersonation\u201d: the app acts in Azure as the signed-in user, with that user's own rights and no others.",
  },
  { title: "Maintain access to data you have given it access to", detail: "offline_access: the app can keep this access without asking you to sign in each time." },
  { title: "Sign you in and read your profile", detail: "openid, profile, email: your name, username and email address." },
];

function permissionList(): Html {
  return html`<ul>
${PERMISSIONS.map((p) => html`<li><strong>${p.title}</strong><br><span class="hint">${p.detail}</span></li>\n`)}
</ul>`;
}

function who(account: Account): Html {
  return html`<p class="brand">${account.user.username} · ${account.tenant.displayName}</p>`;
}

function decisionButtons(model: ConsentPageModel, accept: string): Html {
  return html`<input type="hidden" name="pending" value="${model.pendingId}">
<p><button type="submit" name="decision" value="cancel">Cancel</button>
<button type="submit" name="decision" value="accept" class="primary" autofocus>${accept}</button></p>`;
}

/** A user (or an administrator signing in to use the app) is asked to consent. */
export function userConsentPage(model: ConsentPageModel): string {
  const admin = model.account.user.globalAdmin === true;
  return page({
    title: "Permissions requested — Local Entra ID",
    nonce: model.nonce,
    body: html`<main aria-labelledby="heading">
${who(model.account)}
<h1 id="heading">Permissions requested</h1>
<p>Let <strong>${model.appName}</strong> access Azure Resource Manager as you.</p>
<h2>This app would like to:</h2>
${permissionList()}
<form method="post" action="${model.action}" id="consent-form" aria-labelledby="heading">
${
  admin
    ? html`<p><label><input type="checkbox" name="forOrganization" value="1" checked> Consent on behalf of your organization</label></p>
<p class="hint">As an administrator you can accept for everyone in ${model.account.tenant.displayName}: nobody there is asked again.</p>`
    : ""
}
<p class="hint">Accepting lets this app use your data as its terms of service and privacy statement say. You can change these permissions later.</p>
${decisionButtons(model, "Accept")}
</form>
</main>`,
  });
}

/** An administrator grants consent for the whole organization (the admin consent endpoint). */
export function adminConsentPage(model: ConsentPageModel): string {
  return page({
    title: "Permissions requested — Accept for your organization — Local Entra ID",
    nonce: model.nonce,
    body: html`<main aria-labelledby="heading">
${who(model.account)}
<h1 id="heading">Permissions requested</h1>
<p><strong>Accept for your organization</strong></p>
<p><strong>${model.appName}</strong> would like to:</p>
${permissionList()}
<form method="post" action="${model.action}" id="consent-form" aria-labelledby="heading">
<p class="hint">If you accept, this app gets access to the specified resources for all users in ${model.account.tenant.displayName}. No one else will be prompted to review these permissions.</p>
${decisionButtons(model, "Accept for your organization")}
</form>
</main>`,
  });
}

/** A user whose organization lets only administrators consent. */
export function needAdminApprovalPage(model: ConsentPageModel): string {
  return page({
    title: "Need admin approval — Local Entra ID",
    nonce: model.nonce,
    body: html`<main aria-labelledby="heading">
${who(model.account)}
<h1 id="heading">Need admin approval</h1>
<p><strong>${model.appName}</strong> needs permission to access resources in ${model.account.tenant.displayName} that only an admin can grant. Ask an admin to grant permission to this app before you can use it.</p>
${permissionList()}
<form method="post" action="${model.action}" id="consent-form">
<input type="hidden" name="pending" value="${model.pendingId}">
<p><button type="submit" name="decision" value="back" class="primary" autofocus>Return to the application without granting consent</button></p>
</form>
</main>`,
  });
}
