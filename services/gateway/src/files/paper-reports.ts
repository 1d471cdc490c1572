import type { GatewayContext } from '../builder.ts';
import { FileRouteError } from './http.ts';
import { runQuery } from './query.ts';
import { hanoiDate } from './vietnamese.ts';

/** A version recorded from a paper report, as the API gives it. */
export interface PaperReportFacts {
  recordedBy: string;
  receivedAt: string;
}

/**
 * What every file says of a version recorded from paper: "recorded by <who> from a paper report
 * received on <date>", in Vietnamese; `nameOf` turns a unit code into its name.
 */
export function paperNote(report: PaperReportFacts, nameOf: (unit: string) => string): string {
  const who =
    report.recordedBy === 'central' ? 'Ban Tổ chức Trung ương' : nameOf(report.recordedBy);
  return `Do ${who} ghi nhận từ báo cáo giấy nhận ngày ${hanoiDate(new Date(report.receivedAt))}`;
}

const versionsQuery = /* GraphQL */ `
  query PaperReportVersions($unit: String!, $period: String!) {
    submissions(unit: $unit, period: $period, last: 100) {
      edges {
        node {
          submittedAt
          paperReport {
            recordedBy
            receivedAt
          }
        }
      }
    }
  }
`;

/**
 * The paper report of the version a ranking entry counts (the one submitted at `submittedAt`),
 * null when the unit submitted it itself or when the caller may not see the unit's versions.
 */
export async function paperReportOfEntry(
  context: GatewayContext,
  unit: string,
  period: string,
  submittedAt: string,
): Promise<PaperReportFacts | null> {
  try {
    const data = await runQuery<{
      submissions: {
        edges: { node: { submittedAt: string; paperReport: PaperReportFacts | null } }[];
      };
    }>(context, versionsQuery, { unit, period });
    const moment = new Date(submittedAt).getTime();
    const counted = data.submissions.edges.find(
      (edge) => new Date(edge.node.submittedAt).getTime() === moment,
    );
    return counted?.node.paperReport ?? null;
  } catch (error) {
    if (error instanceof FileRouteError && error.status === 403) return null;
    throw error;
  }
}
