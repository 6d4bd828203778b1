/**
 * The sign-in page. Plain HTML forms, no JavaScript: every control is a native form control with a
 * visible label, the focus order follows the reading order (signed-in accounts, the sign-in form,
 * then the demo accounts), errors are announced (role="alert") and tied to the field they concern.
 *
 * Three forms post to the same endpoint, told apart by `action`:
 * - continue: pick an already signed-in account (no password, unless prompt=login);
 * - signin:   username + password;
 * - pick:     a demo account button, which fills in the username (the page comes back with the
 *             username set and the focus on the password). A separate form, so pressing Enter in
 *             the password field submits "Sign in", never a demo account.
 */
import { DEMO_PASSWORD, type DemoTenant } from "../world/demo-tenants";
import { authorityLabel, type Authority } from "./authority";
import type { Account } from "./directory";
import { html, page, type Html } from "./html";

export type SignInPageModel = {
  nonce: string;
  /** The form's action URL: /{authority}/login. */
  action: string;
  flowId: string;
  authority: Authority;
  appName: string;
  username?: string;
  error?: { message: string; field: "username" | "password" | "account" };
  /** Accounts signed in in this browser that may continue without a password. */
  signedIn: Account[];
  /** Demo accounts that may sign in at this authority. */
  demoAccounts: Account[];
  /** The app demands a second factor (claims request): it follows the password without asking. */
  secondFactorRequired: boolean;
};

const ROLE_LABEL: Record<DemoTenant["role"], string> = {
  provider: "provider tenant",
  consumer: "consumer tenant",
  none: "no Crosslink role",
};

function hidden(model: SignInPageModel, action: string): Html {
  return html`<input type="hidden" name="flow" value="${model.flowId}"><input type="hidden" name="action" value="${action}">`;
}

function accountText(account: Account, extra?: string): Html {
  return html`<span class="name">${account.user.name}</span>
<span class="meta">${account.user.username}</span>
<span class="meta">${account.tenant.displayName} · ${ROLE_LABEL[account.tenant.role]}${extra ? ` · ${extra}` : ""}</span>`;
}

function signedInSection(model: SignInPageModel): Html {
  if (model.signedIn.length === 0) return html``;
  return html`<section aria-labelledby="signed-in-heading">
<h2 id="signed-in-heading">Signed-in accounts</h2>
<form method="post" action="${model.action}" id="continue-form">
${hidden(model, "continue")}
<ul class="accounts">
${model.signedIn.map(
  (a, i) => html`<li><button type="submit" class="account" name="account" value="${`${a.tenant.tenantId}:${a.user.oid}`}"${i === 0 && !model.error ? html` autofocus` : ""}>${accountText(a, "signed in")}</button></li>\n`,
)}
</ul>
</form>
</section>
<h2 id="another-heading">Use another account</h2>`;
}

function signInForm(model: SignInPageModel): Html {
  const err = model.error;
  const usernameInvalid = err?.field === "username";
  const passwordInvalid = err?.field === "password";
  // Focus where the user has to act next: the username, or the password once a username is known.
  const focusPassword = Boolean(model.username) && !usernameInvalid;
  const autofocusHere = model.signedIn.length === 0 || Boolean(err);
  return html`<form method="post" action="${model.action}" id="signin-form" aria-label="Sign in with a username and password">
${hidden(model, "signin")}
<div class="field">
<label for="username">Email or username</label>
<input id="username" name="username" type="email" autocomplete="username" required spellcheck="false" value="${model.username ?? ""}"${usernameInvalid ? html` aria-invalid="true" aria-describedby="signin-error"` : ""}${autofocusHere && !focusPassword ? html` autofocus` : ""}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required aria-describedby="password-hint${passwordInvalid ? " signin-error" : ""}"${passwordInvalid ? html` aria-invalid="true"` : ""}${autofocusHere && focusPassword ? html` autofocus` : ""}>
<p class="hint" id="password-hint">Demo password for every account: <code>${DEMO_PASSWORD}</code></p>
</div>
${
  model.secondFactorRequired
    ? html`<p class="hint" id="second-factor-note">${model.appName} asks for a second factor: you approve the sign-in after the password.</p>`
    : html`<div class="field checkbox"><input id="second-factor" name="second_factor" type="checkbox" value="1"> <label for="second-factor">Also confirm with a second factor (demo authenticator)</label></div>`
}
<button type="submit" class="primary">Sign in</button>
</form>`;
}

function demoSection(model: SignInPageModel): Html {
  if (model.demoAccounts.length === 0) return html``;
  return html`<section aria-labelledby="demo-heading">
<h2 id="demo-heading">Demo accounts</h2>
<p id="demo-help">Choose an account to fill in its username, then enter the password.</p>
<form method="post" action="${model.action}" id="pick-form" aria-describedby="demo-help">
${hidden(model, "pick")}
<ul class="accounts">
${model.demoAccounts.map(
  (a) => html`<li><button type="submit" class="account" name="username" value="${a.user.username}">${accountText(a)}
<span class="meta">${a.user.description}</span></button></li>\n`,
)}
</ul>
</form>
</section>`;
}

export function signInPage(model: SignInPageModel): string {
  const heading = model.signedIn.length > 0 ? "Pick an account" : "Sign in";
  return page({
    title: "Sign in — Local Entra ID",
    nonce: model.nonce,
    body: html`<main aria-labelledby="heading">
<p class="brand">Local Entra ID · ${model.authority.kind === "tenant" ? authorityLabel(model.authority) : `any work account (${model.authority.segment})`}</p>
<h1 id="heading">${heading}</h1>
<p>to continue to <strong>${model.appName}</strong></p>
${model.error ? html`<div class="error" role="alert" id="signin-error">${model.error.message}</div>` : ""}
${signedInSection(model)}
${signInForm(model)}
${demoSection(model)}
</main>`,
  });
}
