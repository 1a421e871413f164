import type { NextConfig } from "next";
import { env } from "./lib/env";
import { MAX_INPUT_BYTES } from "./lib/input";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security/headers";

// A bad environment fails here, at start, with a message naming the variable.
env();

const nextConfig: NextConfig = {
  // A separate build directory per checkout or agent lets several builds and e2e runs share a machine.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Loaded by Node at run time, never bundled: native modules, and piscina, which starts worker threads
  // from its own files.
  serverExternalPackages: ["better-sqlite3", "pg", "piscina"],
  poweredByHeader: false,
  // Shared and private diagnoses: a link never leaks through a Referer and is never indexed.
  // The API routes under /api/permalinks set the same headers themselves.
  async headers() {
    const linkHeaders = [
      { key: "Referrer-Policy", value: "no-referrer" },
      { key: "X-Robots-Tag", value: "noindex" },
    ];
    // Later rules win for the same header: the link pages' no-referrer overrides the site-wide policy.
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
      { source: "/d/:path*", headers: linkHeaders },
      { source: "/p", headers: linkHeaders },
    ];
  },
  experimental: {
    serverActions: {
      // Pastes up to MAX_INPUT_BYTES (1 MiB); multipart encoding turns every LF into CRLF, so a
      // newline-heavy paste can near 2 MiB on the wire. lib/input.ts rejects anything over the limit.
      bodySizeLimit: 3 * MAX_INPUT_BYTES,
    },
  },
};

export default nextConfig;
