import { z } from "zod";
import { correlatedIncidentSchema, type CorrelatedIncident } from "./correlate";
import {
  statusComponentSchema,
  statusIncidentSchema,
  statusIndicatorSchema,
  statusSourceSchema,
  type StatusReading,
} from "./reading";

/** The status page as it bears on one diagnosis: `Diagnosis.statusContext`. */
export const statusContextSchema = z.object({
  indicator: statusIndicatorSchema,
  description: z.string(),
  checkedAt: z.string().nullable(),
  source: statusSourceSchema,
  components: z.array(statusComponentSchema),
  activeIncidents: z.array(statusIncidentSchema),
  correlatedIncidents: z.array(correlatedIncidentSchema),
  /** The status page's own address, for a person to open; absent in readings stored before it was kept. */
  pageUrl: z.string().optional(),
});
export type StatusContext = z.infer<typeof statusContextSchema>;

/** Joins a reading with the incidents correlated to the error time. */
export function buildStatusContext(
  reading: StatusReading,
  correlated: readonly CorrelatedIncident[],
  pageUrl?: string,
): StatusContext {
  return {
    indicator: reading.indicator,
    description: reading.description,
    checkedAt: reading.checkedAt,
    source: reading.source,
    components: reading.components,
    activeIncidents: reading.activeIncidents,
    correlatedIncidents: [...correlated],
    ...(pageUrl === undefined ? {} : { pageUrl }),
  };
}
