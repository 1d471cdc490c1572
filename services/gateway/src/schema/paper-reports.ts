import { builder } from '../builder.ts';

/** A version recorded by the cluster's lead or the central board from a report that came on paper. */
export interface PaperReportView {
  recordedBy: string;
  recordedAt: string;
  receivedAt: string;
}

/** The paper report of a submissions row, null for a version the unit submitted itself. */
export const paperReportOf = (row: {
  recorded_by: string | null;
  recorded_at: Date | null;
  submitted_at: Date | string;
}): PaperReportView | null =>
  row.recorded_by === null || row.recorded_at === null
    ? null
    : {
        recordedBy: row.recorded_by,
        recordedAt: new Date(row.recorded_at).toISOString(),
        receivedAt: new Date(row.submitted_at).toISOString(),
      };

export const PaperReport = builder.objectRef<PaperReportView>('PaperReport').implement({
  description:
    'Results that arrived on paper (báo cáo giấy), recorded by the cluster lead or the central board',
  fields: (t) => ({
    recordedBy: t.exposeString('recordedBy', {
      description: 'the lead unit that recorded them, or `central`',
    }),
    recordedAt: t.field({ type: 'DateTime', resolve: (p) => p.recordedAt }),
    receivedAt: t.field({
      type: 'DateTime',
      description: 'when the paper report was received; it counts for lateness',
      resolve: (p) => p.receivedAt,
    }),
  }),
});
