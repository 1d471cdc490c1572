import type { Scheme } from '@thidua/schema';
import type { GatewayContext } from '../builder.ts';
import { yearOf } from '../period-year.ts';
import { notFound } from './http.ts';
import { runQuery } from './query.ts';
import { periodLabel } from './vietnamese.ts';
import {
  addTitledSheet,
  exportedAt,
  newWorkbook,
  pointsFormat,
  styleDataRow,
  workbookBuffer,
} from './workbook.ts';

const summaryQuery = /* GraphQL */ `
  query SummaryExport($period: String!, $cluster: String) {
    summary(period: $period, cluster: $cluster) {
      members
      submitted
      onTime
      late
      missing
      averageTotal
      totalSum
      classifications {
        xuatSac
        tot
        hoanThanh
        khongHoanThanh
      }
      indicators {
        code
        rollUp
        reported
        value
      }
      leaders {
        unitCode
        unitName
        total
      }
    }
  }
`;

const clusterQuery = /* GraphQL */ `
  query SummaryExportCluster($cluster: String!, $period: String!, $year: Int!) {
    scheme(cluster: $cluster, period: $period)
    cluster(code: $cluster, year: $year) {
      name
    }
  }
`;

export interface ExportedSummary {
  members: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  averageTotal: string | null;
  totalSum: string;
  classifications: { xuatSac: number; tot: number; hoanThanh: number; khongHoanThanh: number };
  indicators: IndicatorLine[];
  leaders: { unitCode: string; unitName: string; total: string }[];
}

interface IndicatorLine {
  code: string;
  rollUp: 'SUM' | 'AVERAGE' | 'YES_COUNT';
  reported: number;
  value: string;
}

/**
 * An indicator's row, the way its scheme rolls it up: a sum, an average naming how many units it
 * is over, or "n / m đơn vị" answering yes (text, since it is two figures).
 */
function indicatorRow(
  line: IndicatorLine,
  title: string,
): [string, string, number | string, boolean] {
  switch (line.rollUp) {
    case 'SUM':
      return [`Tổng chỉ tiêu: ${title}`, line.code, Number(line.value), true];
    case 'AVERAGE':
      return [
        `Bình quân chỉ tiêu (${line.reported} đơn vị báo cáo): ${title}`,
        line.code,
        Number(line.value),
        true,
      ];
    case 'YES_COUNT':
      return [
        `Số đơn vị đạt chỉ tiêu: ${title}`,
        line.code,
        `${Number(line.value)} / ${line.reported} đơn vị`,
        false,
      ];
  }
}

/**
 * `GET /exports/summary.xlsx?period=[&cluster=]`: a period's summary for one cluster, or over every
 * cluster (the central board only, as the API): counts, classifications, each indicator rolled up
 * by its kind, leaders.
 */
export async function summaryWorkbook(
  context: GatewayContext,
  period: string,
  cluster: string | null,
): Promise<Buffer> {
  const { summary } = await runQuery<{ summary: ExportedSummary | null }>(context, summaryQuery, {
    period,
    cluster,
  });
  if (summary === null) {
    throw notFound(
      `no summary for ${period}${cluster === null ? '' : ` of ${cluster}`}`,
      `Chưa có số liệu tổng hợp kỳ ${period}${cluster === null ? '' : ` của cụm ${cluster}`}`,
    );
  }
  const about =
    cluster === null
      ? null
      : await runQuery<{ scheme: Scheme | null; cluster: { name: string } | null }>(
          context,
          clusterQuery,
          { cluster, period, year: yearOf(period) },
        );
  const titles = new Map((about?.scheme?.indicators ?? []).map((i) => [i.code, i.title]));
  const scope = about?.cluster?.name ?? (cluster === null ? 'Tất cả các cụm' : cluster);

  const now = context.clock();
  const workbook = newWorkbook(now);
  const { sheet, headerRow } = addTitledSheet(workbook, 'Tổng hợp', {
    title: `BÁO CÁO TỔNG HỢP – ${scope.toUpperCase()}`,
    lines: [`Kỳ: ${periodLabel(period)} (${period})`, exportedAt(now)],
    columns: [
      { header: 'Nội dung', width: 50 },
      { header: 'Mã', width: 36 },
      { header: 'Số liệu', width: 16 },
    ],
  });
  const counts: [string, number][] = [
    ['Số đơn vị', summary.members],
    ['Đã nộp báo cáo', summary.submitted],
    ['Nộp đúng hạn', summary.onTime],
    ['Nộp muộn', summary.late],
    ['Chưa nộp', summary.missing],
    ['Xếp loại Xuất sắc', summary.classifications.xuatSac],
    ['Xếp loại Tốt', summary.classifications.tot],
    ['Xếp loại Hoàn thành', summary.classifications.hoanThanh],
    ['Xếp loại Không hoàn thành', summary.classifications.khongHoanThanh],
  ];
  const rows: [string, string, number | string, boolean][] = [
    ...counts.map(([label, value]): [string, string, number, boolean] => [label, '', value, false]),
    [
      'Tổng điểm bình quân',
      '',
      summary.averageTotal === null ? '' : Number(summary.averageTotal),
      true,
    ],
    ...summary.indicators.map((line) => indicatorRow(line, titles.get(line.code) ?? line.code)),
    ...summary.leaders.map((l): [string, string, number, boolean] => [
      `Dẫn đầu: ${l.unitName}`,
      l.unitCode,
      Number(l.total),
      true,
    ]),
  ];
  rows.forEach(([label, code, value, decimal], index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    row.values = [label, code, value];
    if (decimal) row.getCell(3).numFmt = pointsFormat;
    styleDataRow(row, 3);
  });
  return workbookBuffer(workbook);
}
