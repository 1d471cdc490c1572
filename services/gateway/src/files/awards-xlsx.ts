import type { GatewayContext } from '../builder.ts';
import { notFound } from './http.ts';
import { runQuery } from './query.ts';
import {
  addTitledSheet,
  exportedAt,
  newWorkbook,
  styleDataRow,
  workbookBuffer,
} from './workbook.ts';

export const awardsQuery = /* GraphQL */ `
  query AwardsExport($cluster: String!, $year: Int!) {
    awards(cluster: $cluster, year: $year) {
      revision
      meritSeats
      lines {
        rank
        unitCode
        proposed
        status
        byVote
        granted
        decision {
          decision
          decisionNumber
          decidedOn
          signer
          reason
        }
      }
      pendingVote {
        award
        rank
        seats
        units
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

export interface AwardLine {
  rank: number;
  unitCode: string;
  proposed: string;
  status: string;
  byVote: boolean;
  granted: string | null;
  decision: {
    decision: string;
    decisionNumber: string;
    decidedOn: string;
    signer: string;
    reason: string;
  } | null;
}

export interface AwardsData {
  awards: {
    revision: number;
    meritSeats: number;
    lines: AwardLine[];
    pendingVote: { award: string; rank: number; seats: number; units: string[] } | null;
  } | null;
  cluster: { name: string; members: { unitCode: string; name: string }[] } | null;
}

export const awardLabels: Record<string, string> = {
  FLAG: 'Cờ thi đua',
  MERIT: 'Bằng khen',
};

export const decisionLabels: Record<string, string> = {
  APPROVE: 'Đồng ý',
  APPROVE_LOWER: 'Đồng ý mức thấp hơn',
  RETURN: 'Trả lại',
  REJECT: 'Không đồng ý',
};

/** `2027-01-15` → `15/01/2027`. */
export const vietnameseDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** A cluster's award sheet for a year, or a 404 while its year-end period is not closed. */
export async function awardsOf(context: GatewayContext, cluster: string, year: number) {
  const data = await runQuery<AwardsData>(context, awardsQuery, { cluster, year });
  if (data.awards === null || data.cluster === null) {
    throw notFound(
      `no award sheet of ${cluster} for ${year} (its year-end period is not closed)`,
      `Cụm ${cluster} chưa có danh sách khen thưởng năm ${year} (kỳ cả năm chưa kết thúc)`,
    );
  }
  const names = new Map(data.cluster.members.map((m) => [m.unitCode, m.name]));
  return {
    awards: data.awards,
    clusterName: data.cluster.name,
    nameOf: (unit: string) => names.get(unit) ?? unit,
  };
}

export const awardsColumns = [
  { header: 'Hạng', width: 8 },
  { header: 'Mã đơn vị', width: 16 },
  { header: 'Đơn vị', width: 40 },
  { header: 'Đề nghị', width: 14 },
  { header: 'Trạng thái', width: 18 },
  { header: 'Quyết định', width: 20 },
  { header: 'Số quyết định', width: 18 },
  { header: 'Ngày quyết định', width: 14 },
  { header: 'Người ký', width: 24 },
  { header: 'Lý do', width: 30 },
  { header: 'Được khen thưởng', width: 16 },
];

/** `GET /exports/awards.xlsx?cluster=&year=`: the award sheet's lines with their decisions. */
export async function awardsWorkbook(
  context: GatewayContext,
  cluster: string,
  year: number,
): Promise<Buffer> {
  const { awards, clusterName, nameOf } = await awardsOf(context, cluster, year);
  const now = context.clock();
  const workbook = newWorkbook(now);
  const pending = awards.pendingVote;
  const { sheet, headerRow } = addTitledSheet(workbook, 'Khen thưởng', {
    title: `DANH SÁCH ĐỀ NGHỊ VÀ QUYẾT ĐỊNH KHEN THƯỞNG NĂM ${year} – ${clusterName.toUpperCase()}`,
    lines: [
      `Năm ${year}; số suất Bằng khen: ${awards.meritSeats}; lần cập nhật thứ ${awards.revision}`,
      pending === null
        ? 'Không có nhóm bằng điểm chờ biểu quyết'
        : `Chờ biểu quyết: ${pending.seats} suất ${awardLabels[pending.award] ?? pending.award} hạng ${pending.rank} cho ${pending.units.map(nameOf).join(', ')}`,
      exportedAt(now),
    ],
    columns: awardsColumns,
  });
  awards.lines.forEach((line, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    row.values = [
      line.rank,
      line.unitCode,
      nameOf(line.unitCode),
      awardLabels[line.proposed] ?? line.proposed,
      line.status === 'TIED'
        ? 'Chờ biểu quyết'
        : line.byVote
          ? 'Đề nghị theo biểu quyết'
          : 'Đề nghị',
      line.decision === null
        ? 'Chưa quyết định'
        : (decisionLabels[line.decision.decision] ?? line.decision.decision),
      line.decision?.decisionNumber ?? '',
      line.decision === null ? '' : vietnameseDate(line.decision.decidedOn),
      line.decision?.signer ?? '',
      line.decision?.reason ?? '',
      line.granted === null ? '' : (awardLabels[line.granted] ?? line.granted),
    ];
    styleDataRow(row, awardsColumns.length);
  });
  return workbookBuffer(workbook);
}
