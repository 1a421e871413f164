import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

/**
 * A fresh nonce and Content-Security-Policy for every page request. Next reads the policy from the request
 * headers and puts the nonce on its own scripts, so only they run; pasted markup stays inert.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce(randomBytes);
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes and static files get their (static) headers from next.config.ts.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      // A server action called by the page (`Next-Action` header) is answered with data, never a document, so
      // it needs no nonce or policy; a form posted without JavaScript carries no such header and still gets them.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
