import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const __dirname = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // Route handlers and actions import "server-only", which refuses to load outside Next's server
      // build; the edge tests run them in plain Node, which is the server.
      "server-only": path.resolve(__dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "dev/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start HTTPS servers on their own ports; files run in parallel forks.
    // Forked workers start after globalSetup, so they inherit NODE_EXTRA_CA_CERTS (the local CA).
    pool: "forks",
    globalSetup: ["./dev/test-support/global-setup.ts"],
  },
});
