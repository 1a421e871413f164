import type { DiagnosisReport } from "./report";

/**
 * A report as the result page receives it from the page's server action: what the page renders and nothing
 * else. Left out: the status page's list of components (the status line names incidents, not components; the
 * header widget reads its own) and the runners-up in `alternatives` (the page does not show them). The
 * JSON API, the CLI and stored links keep the whole report.
 */
export type PageReport = Omit<DiagnosisReport, "alternatives">;

export function pageReport(report: DiagnosisReport): PageReport {
  const page: PageReport & Partial<Pick<DiagnosisReport, "alternatives">> = {
    ...report,
    statusContext: report.statusContext === null ? null : { ...report.statusContext, components: [] },
  };
  delete page.alternatives;
  return page;
}
