import {
  parseHundredths,
  type Classification,
  type StandingEntry,
  type TieBreak,
} from '@thidua/schema';

export interface RankableScorecard {
  unitCode: string;
  total: string;
  criteriaSum: string;
  deductions: string;
  submittedAt: string;
  classification: Classification;
}

export interface Member {
  unitCode: string;
  name: string;
}

interface Ranked {
  member: Member;
  scorecard: RankableScorecard;
  total: bigint;
  criteriaSum: bigint;
  deductions: bigint;
  submittedAtMs: number;
}

const vietnamese = new Intl.Collator('vi');

function epochMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) {
    throw new RangeError(`not an ISO instant: "${instant}"`);
  }
  return ms;
}

/** Negative when a ranks before b. */
function compareBigints(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTieBreak(tieBreak: TieBreak, a: Ranked, b: Ranked): number {
  switch (tieBreak) {
    case 'CRITERIA_SUM':
      return compareBigints(b.criteriaSum, a.criteriaSum);
    case 'DEDUCTIONS':
      return compareBigints(a.deductions, b.deductions);
    case 'SUBMITTED_AT':
      return a.submittedAtMs - b.submittedAtMs;
  }
}

/** The ranking order of SCORING.md §6: total, then the scheme's tie-breaks; 0 means tied. */
function compareStanding(tieBreaks: readonly TieBreak[], a: Ranked, b: Ranked): number {
  const byTotal = compareBigints(b.total, a.total);
  if (byTotal !== 0) return byTotal;
  for (const tieBreak of tieBreaks) {
    const result = compareTieBreak(tieBreak, a, b);
    if (result !== 0) return result;
  }
  return 0;
}

/** Name order in Vietnamese collation (Đ after D, ă/â after a); the code only settles equal names. */
function compareNames(a: Member, b: Member): number {
  return (
    vietnamese.compare(a.name, b.name) ||
    (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0)
  );
}

/**
 * A cluster's standings (SCORING.md §6). Members with a scorecard are ordered by total and the
 * tie-break chain; units still equal share a rank (1, 2, 2, 4) and are listed by name. Members
 * without one follow as NOT_SUBMITTED, by name. Scorecards of non-members are ignored, and a unit
 * given two scorecards is ranked on the last. Movement is previous rank − new rank, for units
 * ranked in both.
 */
export function rankUnits(
  members: readonly Member[],
  scorecards: readonly RankableScorecard[],
  tieBreaks: readonly TieBreak[],
  previous: readonly StandingEntry[] | null,
): StandingEntry[] {
  const scorecardByUnit = new Map(scorecards.map((scorecard) => [scorecard.unitCode, scorecard]));
  const previousRank = new Map(
    (previous ?? []).flatMap((entry) =>
      entry.rank === null ? [] : [[entry.unitCode, entry.rank]],
    ),
  );

  const ranked: Ranked[] = [];
  const unsubmitted: Member[] = [];
  for (const member of members) {
    const scorecard = scorecardByUnit.get(member.unitCode);
    if (scorecard === undefined) {
      unsubmitted.push(member);
      continue;
    }
    ranked.push({
      member,
      scorecard,
      total: parseHundredths(scorecard.total),
      criteriaSum: parseHundredths(scorecard.criteriaSum),
      deductions: parseHundredths(scorecard.deductions),
      submittedAtMs: epochMs(scorecard.submittedAt),
    });
  }
  ranked.sort((a, b) => compareStanding(tieBreaks, a, b) || compareNames(a.member, b.member));
  unsubmitted.sort(compareNames);

  const entries: StandingEntry[] = [];
  let rank = 0;
  ranked.forEach((unit, index) => {
    const before = ranked[index - 1];
    // Standard competition ranking: a unit tied with the one before shares its rank.
    if (before === undefined || compareStanding(tieBreaks, before, unit) !== 0) rank = index + 1;
    const was = previousRank.get(unit.member.unitCode);
    entries.push({
      unitCode: unit.member.unitCode,
      unitName: unit.member.name,
      status: 'RANKED',
      rank,
      total: unit.scorecard.total,
      criteriaSum: unit.scorecard.criteriaSum,
      deductions: unit.scorecard.deductions,
      classification: unit.scorecard.classification,
      submittedAt: unit.scorecard.submittedAt,
      movement: was === undefined ? null : was - rank,
    });
  });
  for (const member of unsubmitted) {
    entries.push({
      unitCode: member.unitCode,
      unitName: member.name,
      status: 'NOT_SUBMITTED',
      rank: null,
      total: null,
      criteriaSum: null,
      deductions: null,
      classification: null,
      submittedAt: null,
      movement: null,
    });
  }
  return entries;
}
