/** An example paste offered as a button; the text is what gets diagnosed. */
export type ExampleOption = { id: string; label: string; text: string };

/** "Try an example" buttons; picking one is the caller's business. */
export function ExamplePicker({
  examples,
  onPick,
  disabled,
}: {
  examples: readonly ExampleOption[];
  onPick: (example: ExampleOption) => void;
  disabled: boolean;
}) {
  return (
    <div role="group" aria-labelledby="examples-label" className="flex flex-wrap items-center gap-1.5">
      <span id="examples-label" className="mr-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Try an example:
      </span>
      {examples.map((example) => (
        <button
          key={example.id}
          type="button"
          disabled={disabled}
          onClick={() => onPick(example)}
          className="rounded-full border border-zinc-300 px-2.5 py-1 text-xs text-zinc-700 hover:border-zinc-400 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-60 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          {example.label}
        </button>
      ))}
    </div>
  );
}
