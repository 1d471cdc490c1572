import { scheme as schemeModel, type Scheme } from '@thidua/schema';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GatewayContext } from '../builder.ts';
import { yearOf } from '../period-year.ts';
import { awardLabels, awardsOf, vietnameseDate } from './awards-xlsx.ts';
import { FileRouteError, notFound } from './http.ts';
import { paperNote, type PaperReportFacts } from './paper-reports.ts';
import { runQuery } from './query.ts';
import { rankingOrder, type RankingEntry } from './ranking-xlsx.ts';
import {
  classificationLabels,
  hanoiDateTime,
  longDate,
  periodLabel,
  vietnameseOrder,
} from './vietnamese.ts';

const repositoryFolder = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * A document's template: the secretariat's own from DOCUMENT_TEMPLATES_DIR when that folder has
 * one of the name, else the repository's.
 */
async function templateOf(name: string): Promise<Buffer> {
  const configured = process.env.DOCUMENT_TEMPLATES_DIR;
  if (configured !== undefined && configured !== '') {
    try {
      return await readFile(join(configured, name));
    } catch {
      // No file of that name there: the repository's template serves.
    }
  }
  return readFile(join(repositoryFolder, name));
}

async function render(name: string, data: Record<string, unknown>): Promise<Buffer> {
  const document = new Docxtemplater(new PizZip(await templateOf(name)), {
    paragraphLoop: true,
    linebreaks: true,
    nullGetter: () => '',
  });
  document.render(data);
  return document.toBuffer({ compression: 'DEFLATE' });
}

/** `1234.50` → `1.234,50`, as Vietnamese documents write numbers. */
export function vietnameseNumber(decimal: string): string {
  const [whole = '0', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

const documentQuery = /* GraphQL */ `
  query DocumentFacts($cluster: String!, $period: String!, $year: Int!) {
    cluster(code: $cluster, year: $year) {
      name
      lead
      deputies
      members {
        unitCode
        name
      }
    }
    scheme(cluster: $cluster, period: $period)
    period(cluster: $cluster, id: $period) {
      status
    }
    ranking(cluster: $cluster, period: $period) {
      revision
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
  }
`;

interface DocumentFacts {
  cluster: {
    name: string;
    lead: string | null;
    deputies: string[];
    members: { unitCode: string; name: string }[];
  } | null;
  scheme: Scheme | null;
  period: { status: string } | null;
  ranking: { revision: number; entries: RankingEntry[] } | null;
}

async function factsOf(context: GatewayContext, cluster: string, period: string) {
  const facts = await runQuery<DocumentFacts>(context, documentQuery, {
    cluster,
    period,
    year: yearOf(period),
  });
  if (facts.cluster === null || facts.scheme === null || facts.ranking === null) {
    throw notFound(
      `no ranking of ${cluster} for ${period}`,
      `Chưa có bảng xếp hạng của cụm ${cluster} kỳ ${period}`,
    );
  }
  return { ...facts, cluster: facts.cluster, scheme: facts.scheme, ranking: facts.ranking };
}

/** The head and foot every document shares: issuing body, place and date, signer. */
function frame(context: GatewayContext, cluster: NonNullable<DocumentFacts['cluster']>) {
  const lead = cluster.members.find((m) => m.unitCode === cluster.lead);
  const leadName = lead?.name ?? cluster.name;
  return {
    issuingBody: leadName.toUpperCase(),
    clusterName: cluster.name,
    clusterNameUpper: cluster.name.toUpperCase(),
    place: leadName.replace(/^Ban Tổ chức (Tỉnh|Thành) ủy /, ''),
    dateLine: longDate(context.clock()),
    signerCapacity: 'TM. CỤM THI ĐUA',
    signerTitle: 'CỤM TRƯỞNG',
    signerName: leadName,
  };
}

/** The classification bands, as every document that classifies prints them. */
function bandsOf(scheme: Scheme): string {
  // A scheme stored before it had bands has the default ones, as the scoring service reads it.
  const bands = schemeModel.shape.bands.parse(scheme.bands);
  return `Xếp loại theo tổng điểm so với điểm tối đa ${vietnameseNumber(scheme.maxTotal)}: Xuất sắc từ ${bands.XUAT_SAC}%, Tốt từ ${bands.TOT}%, Hoàn thành từ ${bands.HOAN_THANH}%, dưới ${bands.HOAN_THANH}% Không hoàn thành.`;
}

const lineOf = (entry: RankingEntry) => ({
  rank: entry.rank === null ? '' : String(entry.rank),
  unitName: entry.unitName,
  total: entry.total === null ? '' : vietnameseNumber(entry.total),
  classification:
    entry.classification === null
      ? 'Chưa nộp báo cáo'
      : (classificationLabels[entry.classification] ?? entry.classification),
});

const reviewsQuery = /* GraphQL */ `
  query MinutesReviews($unit: String!, $period: String!) {
    scorecard(unit: $unit, period: $period) {
      reviewedIndicators {
        indicator
        submittedValue
        reviewedValue
        reason
        reviewer
      }
      reviewedScores {
        criterion
        reviewedScore
        reason
        reviewer
      }
      returned {
        reason
        returnedBy
      }
      paperReport {
        recordedBy
        receivedAt
      }
    }
  }
`;

interface UnitReviews {
  reviewedIndicators: {
    indicator: string;
    submittedValue: string;
    reviewedValue: string;
    reason: string;
    reviewer: string;
  }[];
  reviewedScores: { criterion: string; reviewedScore: string; reason: string; reviewer: string }[];
  returned: { reason: string; returnedBy: string } | null;
  paperReport: PaperReportFacts | null;
}

/** A unit's reviews, null when it has no scorecard or the caller may not see it (yet). */
async function reviewsOf(
  context: GatewayContext,
  unit: string,
  period: string,
): Promise<UnitReviews | null> {
  try {
    const data = await runQuery<{ scorecard: UnitReviews | null }>(context, reviewsQuery, {
      unit,
      period,
    });
    return data.scorecard;
  } catch (error) {
    if (error instanceof FileRouteError && error.status === 403) return null;
    throw error;
  }
}

const tieVotesQuery = /* GraphQL */ `
  query MinutesTieVotes($cluster: String!, $year: Int!) {
    awards(cluster: $cluster, year: $year) {
      lines {
        rank
        unitCode
        proposed
        byVote
      }
      pendingVote {
        award
        rank
        seats
        units
      }
    }
  }
`;

interface TieVotes {
  lines: { rank: number; unitCode: string; proposed: string; byVote: boolean }[];
  pendingVote: { award: string; rank: number; seats: number; units: string[] } | null;
}

/** The year-end period's tie votes: the lines the cluster proposed by vote, and any awaited vote. */
async function tieVoteLines(
  context: GatewayContext,
  cluster: string,
  period: string,
  nameOf: (unit: string) => string,
): Promise<string[]> {
  if (!period.endsWith('-FY')) return [];
  const { awards } = await runQuery<{ awards: TieVotes | null }>(context, tieVotesQuery, {
    cluster,
    year: yearOf(period),
  });
  if (awards === null) return [];
  const award = (kind: string) => awardLabels[kind] ?? kind;
  const voted = awards.lines
    .filter((line) => line.byVote)
    .map(
      (line) =>
        `${nameOf(line.unitCode)}: đề nghị ${award(line.proposed)} (hạng ${line.rank}) theo kết quả biểu quyết của cụm`,
    );
  const pending = awards.pendingVote;
  return pending === null
    ? voted
    : [
        ...voted,
        `Chờ biểu quyết ${pending.seats} suất ${award(pending.award)} hạng ${pending.rank} giữa ${pending.units.map(nameOf).join(', ')}`,
      ];
}

/** A loop of `{text}` lines for a document; `none` when there is nothing to list. */
const textLines = (lines: string[], none: string) =>
  (lines.length === 0 ? [none] : lines).map((text) => ({ text }));

/**
 * `GET /documents/meeting-minutes.docx?cluster=&period=`: biên bản họp cụm, with the reviews and
 * their reasons, the reports returned for explanation, those recorded from paper and the tie votes.
 */
export async function meetingMinutes(
  context: GatewayContext,
  cluster: string,
  period: string,
): Promise<Buffer> {
  const facts = await factsOf(context, cluster, period);
  const closed = facts.period?.status === 'CLOSED';
  const names = new Map(facts.cluster.members.map((m) => [m.unitCode, m.name]));
  const nameOf = (unit: string) =>
    unit === 'central' ? 'Ban Tổ chức Trung ương' : (names.get(unit) ?? unit);
  const indicatorTitles = new Map(facts.scheme.indicators.map((i) => [i.code, i.title]));
  const criterionTitles = new Map(
    facts.scheme.headings.flatMap((h) => h.criteria).map((c) => [c.code, `${c.code}. ${c.title}`]),
  );
  const members = [...facts.cluster.members].sort((a, b) => vietnameseOrder(a.name, b.name));
  const reviews = await Promise.all(members.map((m) => reviewsOf(context, m.unitCode, period)));
  const reviewLines: string[] = [];
  const returnLines: string[] = [];
  const paperLines: string[] = [];
  members.forEach((member, index) => {
    const found = reviews[index];
    if (found === null || found === undefined) return;
    for (const review of found.reviewedIndicators) {
      reviewLines.push(
        `${member.name}: ${indicatorTitles.get(review.indicator) ?? review.indicator} từ ${vietnameseNumber(review.submittedValue)} thành ${vietnameseNumber(review.reviewedValue)} (${nameOf(review.reviewer)} thẩm định; lý do: ${review.reason})`,
      );
    }
    for (const review of found.reviewedScores) {
      reviewLines.push(
        `${member.name}: điểm tự chấm tiêu chí ${criterionTitles.get(review.criterion) ?? review.criterion} thành ${vietnameseNumber(review.reviewedScore)} (${nameOf(review.reviewer)} thẩm định; lý do: ${review.reason})`,
      );
    }
    if (found.returned !== null) {
      returnLines.push(
        `${member.name}: ${nameOf(found.returned.returnedBy)} trả lại; lý do: ${found.returned.reason}`,
      );
    }
    if (found.paperReport !== null) {
      paperLines.push(`${member.name}: ${paperNote(found.paperReport, nameOf)}`);
    }
  });
  return render('meeting-minutes.docx', {
    ...frame(context, facts.cluster),
    periodLabel: periodLabel(period),
    schemeTitle: facts.scheme.title,
    members: facts.cluster.members.map((member) => ({
      name: member.name,
      role:
        member.unitCode === facts.cluster.lead
          ? ' (Cụm trưởng)'
          : facts.cluster.deputies.includes(member.unitCode)
            ? ' (Cụm phó)'
            : '',
    })),
    rankingState: closed ? 'chính thức' : 'tạm thời, kỳ chưa kết thúc',
    revision: facts.ranking.revision,
    lines: rankingOrder(facts.ranking.entries).map(lineOf),
    bands: bandsOf(facts.scheme),
    reviews: textLines(reviewLines, 'Không có giá trị nào được thẩm định lại.'),
    returns: textLines(returnLines, 'Không có báo cáo nào bị trả lại.'),
    paperReports: textLines(paperLines, 'Không có báo cáo giấy.'),
    tieVotes: textLines(
      await tieVoteLines(context, cluster, period, nameOf),
      'Không có trường hợp bằng điểm phải biểu quyết.',
    ),
    closedAt: hanoiDateTime(context.clock()),
  });
}

/** `GET /documents/award-proposal.docx?cluster=&year=`: tờ trình đề nghị khen thưởng. */
export async function awardProposal(
  context: GatewayContext,
  cluster: string,
  year: number,
): Promise<Buffer> {
  const period = `${year}-FY`;
  const facts = await factsOf(context, cluster, period);
  const { awards } = await awardsOf(context, cluster, year);
  const entries = new Map(facts.ranking.entries.map((entry) => [entry.unitCode, entry]));
  return render('award-proposal.docx', {
    ...frame(context, facts.cluster),
    year,
    schemeTitle: facts.scheme.title,
    lines: awards.lines.map((line) => {
      const entry = entries.get(line.unitCode);
      return {
        ...(entry === undefined
          ? { unitName: line.unitCode, total: '', classification: '' }
          : lineOf(entry)),
        rank: String(line.rank),
        proposed: `${awardLabels[line.proposed] ?? line.proposed}${line.status === 'TIED' ? ' (chờ biểu quyết)' : ''}`,
      };
    }),
    bands: bandsOf(facts.scheme),
  });
}

/**
 * `GET /documents/award-decision.docx?cluster=&year=`: quyết định khen thưởng, the awards the
 * central board granted, each with its decision's number and date; signed by the decisions' signer.
 */
export async function awardDecision(
  context: GatewayContext,
  cluster: string,
  year: number,
): Promise<Buffer> {
  const facts = await factsOf(context, cluster, `${year}-FY`);
  const { awards, nameOf } = await awardsOf(context, cluster, year);
  const granted = awards.lines.filter((line) => line.granted !== null && line.decision !== null);
  const decisions = granted.flatMap((line) => (line.decision === null ? [] : [line.decision]));
  const latest = decisions
    .map((d) => d.decidedOn)
    .sort()
    .at(-1);
  if (latest === undefined) {
    throw notFound(
      `no award of ${cluster} for ${year} has been approved yet`,
      `Chưa có đơn vị nào của cụm ${cluster} được quyết định khen thưởng năm ${year}`,
    );
  }
  const distinct = (values: string[]) => [...new Set(values)].join(', ');
  return render('award-decision.docx', {
    issuingBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
    issuerUpper: 'BAN TỔ CHỨC TRUNG ƯƠNG',
    decisionNumber: distinct(decisions.map((d) => d.decisionNumber)),
    place: 'Hà Nội',
    dateLine: longDate(new Date(`${latest}T12:00:00+07:00`)),
    year,
    clusterName: facts.cluster.name,
    schemeTitle: facts.scheme.title,
    lines: granted.map((line, index) => ({
      index: String(index + 1),
      unitName: nameOf(line.unitCode),
      award: awardLabels[line.granted ?? ''] ?? line.granted,
      rank: String(line.rank),
      decisionNumber: line.decision?.decisionNumber ?? '',
      decidedOn: vietnameseDate(line.decision?.decidedOn ?? ''),
    })),
    bands: bandsOf(facts.scheme),
    signerCapacity: 'TM. BAN TỔ CHỨC TRUNG ƯƠNG',
    signerTitle: '',
    signerName: distinct(decisions.map((d) => d.signer)),
  });
}
