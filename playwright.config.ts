import { defineConfig } from "@playwright/test";

/**
 * Browser journeys against the whole local world, started on ports of their own with a fresh
 * database under .data/e2e, so tests never touch the data of `npm start`. E2E_APP_PORT,
 * E2E_ENTRA_PORT, E2E_ARM_PORT, E2E_SMTP_PORT, E2E_MAIL_PORT and E2E_DATA_DIR move it (two runs at
 * once need different ones).
 * Chromium is Debian's (CHROMIUM_PATH, default /usr/bin/chromium): Playwright cannot download
 * its own browser here.
 */
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const ENTRA_PORT = Number(process.env.E2E_ENTRA_PORT ?? 7543);
const ARM_PORT = Number(process.env.E2E_ARM_PORT ?? 8543);
// The local mail catcher's SMTP and HTTP ports (npm start's are 2525 and 2580).
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2625);
const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? 2680);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e";
// E2E_CLIENT_CREDENTIAL=certificate runs the app with its local client certificate instead of its secret.
const CLIENT_CREDENTIAL = process.env.E2E_CLIENT_CREDENTIAL === "certificate" ? " --client-credential certificate" : "";
export const APP_URL = `http://localhost:${APP_PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    // The local Entra ID's certificate comes from the local CA, which this browser does not know.
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/tsx scripts/local-world/run.ts --app-port ${APP_PORT} --entra-port ${ENTRA_PORT} --arm-port ${ARM_PORT} --smtp-port ${SMTP_PORT} --mail-port ${MAIL_PORT} --data-dir ${DATA_DIR}${CLIENT_CREDENTIAL} --fresh --quiet`,
    url: `${APP_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
