import type { Metadata, Viewport } from "next";
import "./globals.css";
import { AppHeader } from "./_components/app-header";
import { getPrincipal } from "./_lib/session";

export const metadata: Metadata = {
  title: { default: "Crosslink", template: "%s · Crosslink" },
  description: "Cross-tenant Azure Private Endpoint connections: request, notify, approve, audit.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const principal = await getPrincipal();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-fl focus:bg-surface focus:px-3 focus:py-2"
        >
          Skip to main content
        </a>
        <AppHeader principal={principal} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
