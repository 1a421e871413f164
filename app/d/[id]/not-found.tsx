import Link from "next/link";

export default function SharedDiagnosisNotFound() {
  return (
    <section className="py-16 text-center">
      <h1 className="text-lg font-semibold">This link has expired or was deleted</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        Shared diagnoses live from one hour to 90 days, and their creator can delete them earlier. Ask for a
        new link, or paste the error again.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium underline underline-offset-4">
        Diagnose an error
      </Link>
    </section>
  );
}
