import type { NextConfig } from "next";
import { env } from "./lib/env";

// A bad environment fails here, at start, with a message naming the variable.
env();

const nextConfig: NextConfig = {
  // Native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "pg"],
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // Pastes up to MAX_INPUT_BYTES (1 MiB) plus form overhead; lib/limits.ts rejects anything larger.
      bodySizeLimit: "2mb",
    },
  },
};

export default nextConfig;
