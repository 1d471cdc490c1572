import type { Scheme } from '@thidua/schema';
import { yearOf } from '../period-year.ts';
import type { GatewayContext } from '../builder.ts';
import { FileRouteError, notFound } from './http.ts';
import { paperNote, type PaperReportFacts } from './paper-reports.ts';
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

const clusterQuery = /* GraphQL */ `
  query ScorecardsExportCluster($cluster: String!, $period: String!, $year: Int!) {
    scheme(cluster: $cluster, period: $period)
    cluster(code: $cluster, year: $year) {
      name
      members {
        unitCode
        name
      }
    }
  }
`;

export const scorecardQuery = /* GraphQL */ `
  query ScorecardsExportUnit($unit: String!, $period: String!) {
    scorecard(unit: $unit, period: $period) {
      submissionVersion
      criteriaSum
      bonus
      deductions
      total
      classification
      paperReport {
        recordedBy
        receivedAt
      }
      criteria {
        code
        points
        maxPoints
        formula
        inputs
      }
    }
  }
`;

export interface ExportedScorecard {
  submissionVersion: number;
  criteriaSum: string;
  bonus: string;
  deductions: string;
  total: string;
  classification: string;
  paperReport: PaperReportFacts | null;
  criteria: { code: string; points: string; maxPoints: string; formula: string; inputs: unknown }[];
}

interface ClusterData {
  scheme: Scheme | null;
  cluster: { name: string; members: { unitCode: string; name: string }[] } | null;
}

/** A unit's scorecard, null when it has none, or `hidden` when the caller may not see it yet. */
async function scorecardOf(
  context: GatewayContext,
  unit: string,
  period: string,
): Promise<ExportedScorecard | null | 'hidden'> {
  try {
    const data = await runQuery<{ scorecard: ExportedScorecard | null }>(context, scorecardQuery, {
      unit,
      period,
    });
    return data.scorecard;
  } catch (error) {
    if (error instanceof FileRouteError && error.status === 403) return 'hidden';
    throw error;
  }
}

/** What a note on a points cell says: the rule's formula and the values it used. */
export function noteOf(criterion: { formula: string; inputs: unknown }): string {
  const inputs =
    typeof criterion.inputs === 'object' && criterion.inputs !== null
      ? Object.entries(criterion.inputs).map(([name, value]) => `${name} = ${String(value)}`)
      : [];
  return [`Công thức: ${criterion.formula}`, ...inputs.map((line) => `• ${line}`)].join('\n');
}

/**
 * `GET /exports/scorecards.xlsx?cluster=&period=`: the cluster's members × the scheme's criteria,
 * each points cell with its formula and inputs as a note. A scorecard the caller may not see (a
 * member's, while the period is open) is listed without its figures, as the API would refuse it.
 */
export async function scorecardsWorkbook(
  context: GatewayContext,
  cluster: string,
  period: string,
): Promise<Buffer> {
  const data = await runQuery<ClusterData>(context, clusterQuery, {
    cluster,
    period,
    year: yearOf(period),
  });
  if (data.scheme === null || data.cluster === null) {
    throw notFound(
      `cluster ${cluster} has no scheme for ${period}`,
      `Cụm ${cluster} chưa có bảng chấm điểm cho kỳ ${period}`,
    );
  }
  const criteria = data.scheme.headings.flatMap((heading) => heading.criteria);
  const members = [...data.cluster.members].sort((a, b) => vietnameseOrder(a.name, b.name));
  const names = new Map(members.map((m) => [m.unitCode, m.name]));
  const nameOf = (unit: string) => names.get(unit) ?? unit;
  const scorecards = await Promise.all(
    members.map((member) => scorecardOf(context, member.unitCode, period)),
  );

  const now = context.clock();
  const workbook = newWorkbook(now);
  const columns = [
    { header: 'Mã đơn vị', width: 16 },
    { header: 'Đơn vị', width: 36 },
    ...criteria.map((c) => ({
      header: `${c.code}. ${c.title} (tối đa ${c.maxPoints})`,
      width: 14,
    })),
    { header: 'Điểm tiêu chí', width: 12 },
    { header: 'Điểm cộng', width: 10 },
    { header: 'Điểm trừ', width: 10 },
    { header: 'Tổng điểm', width: 12 },
    { header: 'Xếp loại', width: 18 },
    { header: 'Ghi chú', width: 40 },
  ];
  const { sheet, headerRow } = addTitledSheet(workbook, 'Bảng điểm', {
    title: `BẢNG ĐIỂM CHI TIẾT – ${data.cluster.name.toUpperCase()}`,
    lines: [
      `Kỳ: ${periodLabel(period)} (${period}); bảng chấm điểm: ${data.scheme.title}`,
      'Ghi chú của mỗi ô điểm: công thức và các giá trị đã dùng',
      exportedAt(now),
    ],
    columns,
  });
  sheet.getRow(headerRow).height = 90;
  const first = 3;
  members.forEach((member, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    const scorecard = scorecards[index];
    row.getCell(1).value = member.unitCode;
    row.getCell(2).value = member.name;
    const after = first + criteria.length;
    if (scorecard === null || scorecard === 'hidden' || scorecard === undefined) {
      row.getCell(after + 4).value =
        scorecard === 'hidden' ? 'Chưa được xem (kỳ chưa kết thúc)' : 'Chưa nộp báo cáo';
    } else {
      criteria.forEach((criterion, c) => {
        const line = scorecard.criteria.find((item) => item.code === criterion.code);
        if (line === undefined) return;
        const cell = row.getCell(first + c);
        cell.value = Number(line.points);
        cell.numFmt = pointsFormat;
        cell.note = noteOf(line);
      });
      const figures = [
        scorecard.criteriaSum,
        scorecard.bonus,
        scorecard.deductions,
        scorecard.total,
      ];
      figures.forEach((figure, f) => {
        const cell = row.getCell(after + f);
        cell.value = Number(figure);
        cell.numFmt = pointsFormat;
      });
      row.getCell(after + 4).value =
        classificationLabels[scorecard.classification] ?? scorecard.classification;
      if (scorecard.paperReport !== null) {
        row.getCell(after + 5).value = paperNote(scorecard.paperReport, nameOf);
      }
    }
    styleDataRow(row, columns.length);
  });
  return workbookBuffer(workbook);
}
