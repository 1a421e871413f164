import type { Metadata } from "next";
import { PrivateDiagnosis } from "@/components/share/private-diagnosis";
import { getSigningKey } from "@/lib/permalinks/server";

export const metadata: Metadata = {
  title: "Private diagnosis",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/**
 * A diagnosis carried in the URL fragment; the server sends only this shell and the public key the browser
 * checks the fragment's signature with, and never sees the data.
 */
export default async function PrivateDiagnosisPage() {
  const { publicKey } = await getSigningKey();
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Private diagnosis</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This link carries the redacted diagnosis itself, after the #. It was checked and decoded in your
          browser; nothing of it is stored on or sent to the server.
        </p>
      </div>
      <PrivateDiagnosis publicKey={publicKey} />
    </div>
  );
}
