// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only packages stay out of the bundle and load from node_modules at run time.
  // The email renderer (react-dom/server under the hood) and the SMTP client run in the background
  // worker only; loading them from node_modules keeps them out of the React Server Components layer.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pino", "@azure/msal-node", "@react-email/render", "@react-email/components", "nodemailer"],
  // `npm test` type-checks the whole repo (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
