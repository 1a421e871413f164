/** A coloured dot beside a status that is always also written out; hidden from assistive technology. */
export function StatusDot({ className }: { className: string }) {
  return <span aria-hidden="true" className={`inline-block size-2 shrink-0 rounded-full ${className}`} />;
}
