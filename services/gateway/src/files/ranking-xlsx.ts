import type { GatewayContext } from '../builder.ts';
import { yearOf } from '../period-year.ts';
import { notFound } from './http.ts';
import { paperNote, paperReportOfEntry } from './paper-reports.ts';
import { runQuery } from './query.ts';
import { classificationLabels, periodLabel, vietnameseOrder } from './vietnamese.ts';
import {
  addTitledSheet,
  exportedAt,
  newWorkbook,
  pointsFormat,
  styleDataRow,
  workbookBuffer,
} from './workbook.ts';

export const rankingQuery = /* GraphQL */ `
  query RankingExport($cluster: String!, $period: String!, $asOf: DateTime, $year: Int!) {
    ranking(cluster: $cluster, period: $period, asOf: $asOf) {
      revision
      changedAt
      entries {
        unitCode
        unitName
        status
        rank
        total
        criteriaSum
        deductions
        classification
        submittedAt
      }
    }
    cluster(code: $cluster, year: $year) {
      name
      members {
        unitCode
        name
      }
    }
  }
`;

export interface RankingEntry {
  unitCode: string;
  unitName: string;
  status: 'RANKED' | 'NOT_SUBMITTED';
  rank: number | null;
  total: string | null;
  criteriaSum: string | null;
  deductions: string | null;
  classification: string | null;
  submittedAt: string | null;
}

interface RankingData {
  ranking: { revision: number; changedAt: string; entries: RankingEntry[] } | null;
  cluster: { name: string; members: { unitCode: string; name: string }[] } | null;
}

/** Ranked units by rank as the API gives them; those without a report after, by name. */
export function rankingOrder(entries: readonly RankingEntry[]): RankingEntry[] {
  const ranked = entries.filter((entry) => entry.status === 'RANKED');
  const unranked = entries
    .filter((entry) => entry.status !== 'RANKED')
    .sort((a, b) => vietnameseOrder(a.unitName, b.unitName));
  return [...ranked, ...unranked];
}

export const rankingColumns = [
  { header: 'Hạng', width: 8 },
  { header: 'Mã đơn vị', width: 16 },
  { header: 'Đơn vị', width: 40 },
  { header: 'Tổng điểm', width: 12 },
  { header: 'Điểm tiêu chí', width: 12 },
  { header: 'Điểm trừ', width: 10 },
  { header: 'Xếp loại', width: 18 },
  { header: 'Thời điểm nộp', width: 20 },
  { header: 'Ghi chú', width: 40 },
];

/** `GET /exports/ranking.xlsx?cluster=&period=[&asOf=]`: the ranking as the API gives it. */
export async function rankingWorkbook(
  context: GatewayContext,
  cluster: string,
  period: string,
  asOf: string | null,
): Promise<Buffer> {
  const data = await runQuery<RankingData>(context, rankingQuery, {
    cluster,
    period,
    asOf,
    year: yearOf(period),
  });
  if (data.ranking === null || data.cluster === null) {
    throw notFound(
      `no ranking of ${cluster} for ${period}${asOf === null ? '' : ` as of ${asOf}`}`,
      `Chưa có bảng xếp hạng của cụm ${cluster} kỳ ${period}${asOf === null ? '' : ` tại thời điểm ${asOf}`}`,
    );
  }
  const now = context.clock();
  const workbook = newWorkbook(now);
  const { sheet, headerRow } = addTitledSheet(workbook, 'Xếp hạng', {
    title: `BẢNG XẾP HẠNG THI ĐUA – ${data.cluster.name.toUpperCase()}`,
    lines: [
      `Kỳ: ${periodLabel(period)} (${period}); lần cập nhật thứ ${data.ranking.revision}`,
      asOf === null ? 'Xếp hạng hiện tại' : `Xếp hạng tại thời điểm ${asOf}`,
      exportedAt(now),
    ],
    columns: rankingColumns,
  });
  const names = new Map(data.cluster.members.map((m) => [m.unitCode, m.name]));
  const entries = rankingOrder(data.ranking.entries);
  const paperReports = await Promise.all(
    entries.map((entry) =>
      entry.submittedAt === null
        ? Promise.resolve(null)
        : paperReportOfEntry(context, entry.unitCode, period, entry.submittedAt),
    ),
  );
  entries.forEach((entry, index) => {
    const paperReport = paperReports[index] ?? null;
    const row = sheet.getRow(headerRow + 1 + index);
    row.values = [
      entry.rank ?? '',
      entry.unitCode,
      entry.unitName,
      entry.total === null ? '' : Number(entry.total),
      entry.criteriaSum === null ? '' : Number(entry.criteriaSum),
      entry.deductions === null ? '' : Number(entry.deductions),
      entry.classification === null
        ? 'Chưa nộp báo cáo'
        : (classificationLabels[entry.classification] ?? entry.classification),
      entry.submittedAt ?? '',
      paperReport === null ? '' : paperNote(paperReport, (unit) => names.get(unit) ?? unit),
    ];
    for (const column of [4, 5, 6]) row.getCell(column).numFmt = pointsFormat;
    styleDataRow(row, rankingColumns.length);
  });
  return workbookBuffer(workbook);
}
