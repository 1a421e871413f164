import { PasteForm } from "@/components/paste/paste-form";
import { diagnoseAction } from "./actions";
import { EXAMPLES } from "@/lib/examples";

export default function HomePage() {
  return (
    <>
      <div className="mb-5">
        <h1 className="text-xl font-semibold tracking-tight">Diagnose a Claude API error</h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
          Paste the error, log lines or traceback. You get the recovery branch, the evidence it rests on and
          what to do first.
        </p>
      </div>
      <PasteForm
        action={diagnoseAction}
        examples={EXAMPLES.map(({ id, label, text }) => ({ id, label, text }))}
      />
    </>
  );
}
