import type { ReactNode } from "react";
import type { Evidence } from "@/lib/diagnosis";
import { CopyButton } from "../ui/copy-button";
import { Timestamp } from "../ui/timestamp";
import { ROUTE_LABELS, SURFACE_LABELS, formatWait } from "./evidence-labels";

type Row = { label: string; value: ReactNode };

const NOT_IN_PASTE = <span className="italic text-zinc-500 dark:text-zinc-400">not in paste</span>;

function Code({ children }: { children: ReactNode }) {
  return <code className="font-mono text-[12px] break-words">{children}</code>;
}

/** An id is copied and compared whole: it never breaks across lines (its cell scrolls instead). */
function Id({ children }: { children: string }) {
  return <code className="font-mono text-[12px] whitespace-nowrap">{children}</code>;
}

function IdList({ ids, label }: { ids: readonly string[]; label: string }) {
  return (
    <ul className="space-y-1">
      {ids.map((id, index) => (
        <li key={`${index}:${id}`} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <Id>{id}</Id>
          <CopyButton value={id} label={`${label} ${id}`} />
        </li>
      ))}
    </ul>
  );
}

/** Rows for the facts the paste shows; key facts say "not in paste" rather than disappear. */
function evidenceRows(evidence: Evidence): Row[] {
  const rows: Array<Row | null> = [
    { label: "Status", value: evidence.status !== null ? <Code>{evidence.status}</Code> : NOT_IN_PASTE },
    {
      label: "error.type",
      value: evidence.errorType !== null ? <Code>{evidence.errorType}</Code> : NOT_IN_PASTE,
    },
    evidence.message !== null
      ? { label: "Message", value: <span className="break-words">{evidence.message}</span> }
      : null,
    {
      label: "Request id",
      value:
        evidence.requestIds.length > 0 ? (
          <IdList ids={evidence.requestIds} label="request id" />
        ) : (
          NOT_IN_PASTE
        ),
    },
    evidence.gatewayRequestIds.length > 0
      ? {
          label: "Gateway request id",
          value: <IdList ids={evidence.gatewayRequestIds} label="gateway request id" />,
        }
      : null,
    { label: "Model", value: evidence.model !== null ? <Code>{evidence.model}</Code> : NOT_IN_PASTE },
    evidence.surface !== "unknown" ? { label: "Surface", value: SURFACE_LABELS[evidence.surface] } : null,
    evidence.route !== "unknown" ? { label: "Route", value: ROUTE_LABELS[evidence.route] } : null,
    evidence.endpoint !== null ? { label: "Endpoint", value: <Code>{evidence.endpoint}</Code> } : null,
    evidence.streaming !== null ? { label: "Streaming", value: evidence.streaming ? "yes" : "no" } : null,
    {
      label: "When",
      value: evidence.occurredAt !== null ? <Timestamp iso={evidence.occurredAt} /> : NOT_IN_PASTE,
    },
    evidence.retryAfterMs !== null
      ? { label: "retry-after", value: formatWait(evidence.retryAfterMs) }
      : null,
    evidence.shouldRetry !== null
      ? { label: "x-should-retry", value: <Code>{String(evidence.shouldRetry)}</Code> }
      : null,
    Object.keys(evidence.rateLimit).length > 0
      ? {
          label: "Rate-limit headers",
          value: (
            <ul className="space-y-0.5">
              {Object.entries(evidence.rateLimit).map(([name, value]) => (
                <li key={name}>
                  <Code>
                    {name}: {value}
                  </Code>
                </li>
              ))}
            </ul>
          ),
        }
      : null,
    evidence.attempts !== null
      ? {
          label: "Attempts",
          value:
            evidence.attempts.of !== null
              ? `${evidence.attempts.seen} of ${evidence.attempts.of}`
              : `${evidence.attempts.seen} seen`,
        }
      : null,
    evidence.sdk !== null
      ? {
          label: "SDK",
          value: (
            <Code>
              {evidence.sdk.version !== null
                ? `${evidence.sdk.name} ${evidence.sdk.version}`
                : evidence.sdk.name}
            </Code>
          ),
        }
      : null,
  ];
  return rows.filter((row): row is Row => row !== null);
}

/** What the paste shows, one fact per row. */
export function EvidenceTable({ evidence }: { evidence: Evidence }) {
  return (
    <div
      tabIndex={0}
      role="group"
      aria-label="Evidence, scrollable"
      className="min-w-0 overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      <table className="w-full table-fixed border-collapse text-sm">
        <colgroup>
          <col className="w-32 sm:w-40" />
          <col />
        </colgroup>
        <tbody>
          {evidenceRows(evidence).map((row) => (
            <tr
              key={row.label}
              className="border-t border-zinc-200 align-top first:border-t-0 dark:border-zinc-800"
            >
              <th
                scope="row"
                className="py-1.5 pr-3 text-left text-xs font-medium text-zinc-600 dark:text-zinc-400"
              >
                {row.label}
              </th>
              <td className="min-w-0 py-1.5 break-words">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
