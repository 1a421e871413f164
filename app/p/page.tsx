import type { Metadata } from "next";
import { PrivateDiagnosis } from "@/components/share/private-diagnosis";

export const metadata: Metadata = {
  title: "Private diagnosis",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** A diagnosis carried in the URL fragment; the server sends only this shell and never sees the data. */
export default function PrivateDiagnosisPage() {
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Private diagnosis</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This link carries the redacted diagnosis itself, after the #. It was decoded in your browser;
          nothing of it is stored on or sent to the server.
        </p>
      </div>
      <PrivateDiagnosis />
    </div>
  );
}
