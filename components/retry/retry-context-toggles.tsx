import type { RetryContext } from "@/lib/retry/schema";

const MODES = [
  { value: "interactive", label: "A person is waiting" },
  { value: "background", label: "Background job" },
] as const satisfies ReadonlyArray<{ value: RetryContext["mode"]; label: string }>;

const CHOICE =
  "relative flex cursor-pointer items-center gap-1.5 rounded px-2 py-1 text-xs font-medium has-checked:bg-zinc-900 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-blue-600 dark:has-checked:bg-zinc-100 dark:has-checked:text-zinc-900";

/** The two facts about the caller that change a retry plan; `name` keeps the radio group apart from others. */
export function RetryContextToggles({
  context,
  name,
  onChange,
}: {
  context: RetryContext;
  name: string;
  onChange: (next: RetryContext) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <fieldset className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
        <legend className="sr-only">Who waits for the call</legend>
        {MODES.map((mode) => (
          <label key={mode.value} className={CHOICE}>
            <input
              type="radio"
              name={name}
              value={mode.value}
              checked={context.mode === mode.value}
              onChange={() => onChange({ ...context, mode: mode.value })}
              className="sr-only"
            />
            {mode.label}
          </label>
        ))}
      </fieldset>
      <label className="relative flex cursor-pointer items-center gap-2 text-xs font-medium">
        <input
          type="checkbox"
          checked={context.sideEffects}
          onChange={(event) => onChange({ ...context, sideEffects: event.target.checked })}
          className="size-3.5 accent-blue-600"
        />
        The call has side effects
      </label>
    </div>
  );
}
