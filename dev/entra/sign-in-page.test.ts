/**
 * The authorize endpoint and sign-in page over plain HTTP: what a browser (and a screen reader
 * user, and a user without JavaScript) gets, and which errors go back to the app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CROSSLINK_APP, DEMO_PASSWORD, DEMO_TENANTS } from "../world/demo-tenants";
import { startLocalEntraForTests, type TestEntra } from "./test-support";

const contoso = DEMO_TENANTS.find((t) => t.key === "contoso")!;
const fabrikam = DEMO_TENANTS.find((t) => t.key === "fabrikam")!;
const priya = contoso.users[0]!;
const REDIRECT = "http://localhost:3000/auth/callback";

let entra: TestEntra;
beforeAll(async () => {
  entra = await startLocalEntraForTests();
});
afterAll(async () => {
  await entra?.close();
});

function authorizeUrl(authority: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    client_id: CROSSLINK_APP.clientId,
    response_type: "code",
    redirect_uri: REDIRECT,
    scope: "openid profile offline_access",
    state: "st",
    ...extra,
  });
  return `${entra.url}/${authority}/oauth2/v2.0/authorize?${params}`;
}

function flowOf(html: string): string {
  return /name="flow" value="([^"]+)"/.exec(html)![1]!;
}

async function post(authority: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${entra.url}/${authority}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

describe("the sign-in page", () => {
  it("is a labelled, script-free form listing the demo accounts with the demo password as a hint", async () => {
    const res = await fetch(authorizeUrl("organizations"));
    const html = await res.text();
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain("<title>Sign in — Local Entra ID</title>");
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<label for="username">[^<]+<\/label>\s*<input id="username"/);
    expect(html).toMatch(/<label for="password">Password<\/label>\s*<input id="password"[^>]*aria-describedby="password-hint"/);
    expect(html).toContain(`Demo password for every account: <code>${DEMO_PASSWORD}</code>`);
    expect(html).not.toContain("<script");
    for (const tenant of DEMO_TENANTS) {
      for (const user of tenant.users) {
        expect(html).toContain(`value="${user.username}"`);
        expect(html).toContain(user.name);
        expect(html).toContain(user.description);
      }
    }
    // The sign-in form comes before the demo accounts, so Enter in the password field signs in.
    expect(html.indexOf('id="signin-form"')).toBeLessThan(html.indexOf('id="pick-form"'));
  });

  it("fills the username when a demo account is chosen and moves the focus to the password", async () => {
    const html = await (await fetch(authorizeUrl("organizations"))).text();
    const res = await post("organizations", { flow: flowOf(html), action: "pick", username: priya.username });
    const page = await res.text();
    expect(page).toMatch(new RegExp(`id="username"[^>]*value="${priya.username.replace(/\./g, "\\.")}"`));
    expect(page).toMatch(/id="password"[^>]*autofocus/);
  });

  it("pre-fills login_hint and narrows the list to domain_hint's tenant", async () => {
    const html = await (
      await fetch(authorizeUrl("organizations", { login_hint: "felix@fabrikam.onmicrosoft.com", domain_hint: fabrikam.domain }))
    ).text();
    expect(html).toMatch(/id="username"[^>]*value="felix@fabrikam\.onmicrosoft\.com"/);
    expect(html).toContain(`value="${fabrikam.users[0]!.username}"`);
    expect(html).not.toContain(`value="${priya.username}"`);
  });

  it("announces a wrong password, marks the field invalid and keeps the username", async () => {
    const html = await (await fetch(authorizeUrl("organizations"))).text();
    const res = await post("organizations", { flow: flowOf(html), action: "signin", username: priya.username, password: "nope" });
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    const page = await res.text();
    expect(page).toMatch(/<div class="error" role="alert" id="signin-error">Your account or password is incorrect/);
    expect(page).toMatch(/id="password"[^>]*aria-describedby="password-hint signin-error"[^>]*aria-invalid="true"/);
    expect(page).toContain(`value="${priya.username}"`);
  });

  it("offers a labelled second-factor box; ticked, the password leads to a script-free approve page", async () => {
    const html = await (await fetch(authorizeUrl("organizations"))).text();
    expect(html).toMatch(/<input id="second-factor" name="second_factor" type="checkbox" value="1"> <label for="second-factor">Also confirm with a second factor/);
    const flow = flowOf(html);
    const res = await post("organizations", { flow, action: "signin", username: priya.username, password: DEMO_PASSWORD, second_factor: "1" });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("<h1 id=\"heading\">Approve sign-in request</h1>");
    expect(page).toMatch(/<button type="submit" class="primary" autofocus>Approve on my phone \(demo\)<\/button>/);
    expect(page).toContain("Continue with password only");
    expect(page).not.toContain("<script");
    // Approving finishes the sign-in with a code for the app.
    const approved = await post("organizations", { flow, action: "approve" });
    expect(approved.status).toBe(302);
    expect(new URL(approved.headers.get("location")!).searchParams.get("code")).toBeTruthy();
  });

  it("asks for the second factor without a box, and without a way around it, when the app's claims demand MFA", async () => {
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, values: ["p1"] } } });
    const html = await (await fetch(authorizeUrl("organizations", { claims }))).text();
    expect(html).not.toContain('id="second-factor"');
    expect(html).toContain("asks for a second factor");
    const flow = flowOf(html);
    const page = await (await post("organizations", { flow, action: "signin", username: priya.username, password: DEMO_PASSWORD })).text();
    expect(page).toContain("asks you to confirm your sign-in with a second factor");
    expect(page).not.toContain("Continue with password only");
    // A forged "skip" gets the approve page again, not a code.
    const skipped = await post("organizations", { flow, action: "skip" });
    expect(skipped.status).toBe(200);
    expect(await skipped.text()).toContain("Approve sign-in request");
  });

  it("refuses a claims parameter that is not JSON, back to the app", async () => {
    const res = await fetch(authorizeUrl("organizations", { claims: "{not json" }), { redirect: "manual" });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("state")).toBe("st");
  });

  it("redirects with a code and state, and sets a Secure, HttpOnly session cookie", async () => {
    const html = await (await fetch(authorizeUrl("organizations"))).text();
    const res = await post("organizations", { flow: flowOf(html), action: "signin", username: priya.username, password: DEMO_PASSWORD });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("code")).toBeTruthy();
    expect(location.searchParams.get("state")).toBe("st");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("local_entra_session="));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
  });

  it("does not accept the same sign-in page twice, or an unknown one (AADSTS50089)", async () => {
    const html = await (await fetch(authorizeUrl("organizations"))).text();
    const flow = flowOf(html);
    const fields = { flow, action: "signin", username: priya.username, password: DEMO_PASSWORD };
    expect((await post("organizations", fields)).status).toBe(302);
    const again = await post("organizations", fields);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("AADSTS50089");
  });
});

describe("authorize errors", () => {
  it("sends request errors to the registered redirect URI with state", async () => {
    const res = await fetch(authorizeUrl("organizations", { scope: "https://unknown.example/read" }), { redirect: "manual" });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("invalid_resource");
    expect(location.searchParams.get("error_description")).toMatch(/^AADSTS500011:/);
    expect(location.searchParams.get("state")).toBe("st");

    const implicit = await fetch(authorizeUrl("organizations", { response_type: "token" }), { redirect: "manual" });
    expect(new URL(implicit.headers.get("location")!).searchParams.get("error")).toBe("unsupported_response_type");
  });

  it("shows a page for an unknown tenant (AADSTS90002) or client (AADSTS700016)", async () => {
    const tenant = await fetch(authorizeUrl("nowhere.onmicrosoft.com"), { redirect: "manual" });
    expect(tenant.status).toBe(400);
    expect(await tenant.text()).toContain("AADSTS90002");
    const client = await fetch(authorizeUrl("organizations", { client_id: "00000000-0000-0000-0000-000000000000" }), { redirect: "manual" });
    expect(client.status).toBe(400);
    expect(client.headers.get("location")).toBeNull();
    expect(await client.text()).toContain("AADSTS700016");
  });
});
