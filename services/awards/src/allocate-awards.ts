import type { Classification } from '@thidua/schema';

export type AwardKind = 'FLAG' | 'MERIT';

/** One ranked unit of the year-end (FY) standings. */
export interface AwardCandidate {
  unitCode: string;
  /** Shared ranks, standard competition ranking: 1, 2, 2, 4 (SCORING.md §6). */
  rank: number;
  classification: Classification;
  /** The unit has a deduction item marked disqualifying. */
  disqualified: boolean;
  /** The counted version was submitted on time. */
  onTime: boolean;
}

export interface AwardRules {
  flagQuota: number;
  meritQuota: { count: number } | { sharePercent: number };
  awardsRequireOnTime: boolean;
}

/** The units the cluster chose by vote (bình xét) for the tied group at `rank` for `award`. */
export interface TieVote {
  award: AwardKind;
  rank: number;
  winners: string[];
}

export type ProposalLine =
  | { unitCode: string; award: AwardKind; status: 'PROPOSED'; rank: number; byVote: boolean }
  /** The unit's group competes for `seats` seats and awaits a vote. */
  | { unitCode: string; award: AwardKind; status: 'TIED'; rank: number; seats: number };

export type IneligibleReason = 'NOT_XUAT_SAC' | 'DISQUALIFIED' | 'LATE';

export interface PendingVote {
  award: AwardKind;
  rank: number;
  seats: number;
  units: string[];
}

export interface AwardProposal {
  /** Flag lines first, then merit lines, each by rank then unit code. */
  lines: ProposalLine[];
  /** By rank then unit code; reasons in the order NOT_XUAT_SAC, DISQUALIFIED, LATE. */
  ineligible: { unitCode: string; reasons: IneligibleReason[] }[];
  /** The resolved merit quota. */
  meritSeats: number;
  /** The first unresolved tie; no seat after it is proposed until its vote is recorded. */
  pendingVote: PendingVote | null;
}

/** Eligible units sharing a rank, by unit code. */
interface RankGroup {
  rank: number;
  units: string[];
}

function requireCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${String(value)}`);
  }
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The merit quota as a number of seats (SCORING.md §7): a count as is, a share of the period's
 * members rounded down, in integer arithmetic (20% of 14 members is 2 seats).
 */
export function resolveMeritSeats(
  meritQuota: AwardRules['meritQuota'],
  memberCount: number,
): number {
  requireCount(memberCount, 'memberCount');
  if ('count' in meritQuota) {
    requireCount(meritQuota.count, 'meritQuota.count');
    return meritQuota.count;
  }
  const percent = meritQuota.sharePercent;
  requireCount(percent, 'meritQuota.sharePercent');
  if (percent > 100) {
    throw new RangeError(`meritQuota.sharePercent must be at most 100, got ${String(percent)}`);
  }
  const product = memberCount * percent;
  return (product - (product % 100)) / 100;
}

function ineligibleReasons(candidate: AwardCandidate, rules: AwardRules): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (candidate.classification !== 'XUAT_SAC') reasons.push('NOT_XUAT_SAC');
  if (candidate.disqualified) reasons.push('DISQUALIFIED');
  if (rules.awardsRequireOnTime && !candidate.onTime) reasons.push('LATE');
  return reasons;
}

/**
 * Why `vote` does not resolve `tie` exactly; empty when it does. A vote resolves a tie only when
 * it is for the same award and rank, names as many distinct winners as there are seats, and every
 * winner is in the tied group.
 */
function voteProblems(tie: PendingVote, vote: TieVote): string[] {
  const problems: string[] = [];
  if (vote.award !== tie.award || vote.rank !== tie.rank) {
    problems.push(
      `the vote is for ${vote.award} at rank ${String(vote.rank)}, but the tie awaiting a vote ` +
        `is for ${tie.award} at rank ${String(tie.rank)}`,
    );
  }
  if (vote.winners.length !== tie.seats) {
    problems.push(
      `the vote names ${String(vote.winners.length)} winner(s), but the tie is for ` +
        `${String(tie.seats)} seat(s)`,
    );
  }
  const seen = new Set<string>();
  for (const winner of vote.winners) {
    if (seen.has(winner)) {
      problems.push(`winner ${winner} is named more than once`);
      continue;
    }
    seen.add(winner);
    if (!tie.units.includes(winner)) {
      problems.push(`winner ${winner} is not in the tied group (${tie.units.join(', ')})`);
    }
  }
  return problems;
}

interface AwardFill {
  proposed: ProposalLine[];
  /** Units of a tied group that lost its vote; they stay a group with the same rank. */
  losers: RankGroup | null;
  /** Groups the award's seats did not reach, in rank order. */
  rest: RankGroup[];
  pendingVote: PendingVote | null;
}

/**
 * Fills an award's seats rank group by rank group. A group that fits is proposed whole; a larger
 * one is a tie, settled by the matching vote or left pending (and then nothing after it is filled).
 *
 * A vote that does not match the tie (other count, a unit outside the group, a repeated unit) is
 * ignored rather than reported here: the proposal stays a pure function of the standings and the
 * recorded votes, a stale vote left behind by changed standings cannot silently pick the wrong
 * units, and validateTieVote is where the gateway refuses such votes with reasons. Of several
 * matching votes the last recorded wins, as the cluster's latest decision.
 */
function fillSeats(
  award: AwardKind,
  seats: number,
  groups: readonly RankGroup[],
  votes: readonly TieVote[],
): AwardFill {
  const proposed: ProposalLine[] = [];
  let seatsLeft = seats;
  for (const [index, group] of groups.entries()) {
    if (seatsLeft === 0) {
      return { proposed, losers: null, rest: groups.slice(index), pendingVote: null };
    }
    if (group.units.length <= seatsLeft) {
      for (const unitCode of group.units) {
        proposed.push({ unitCode, award, status: 'PROPOSED', rank: group.rank, byVote: false });
      }
      seatsLeft -= group.units.length;
      continue;
    }
    const tie: PendingVote = { award, rank: group.rank, seats: seatsLeft, units: group.units };
    const vote = votes.findLast((candidate) => voteProblems(tie, candidate).length === 0);
    const rest = groups.slice(index + 1);
    if (vote === undefined) {
      for (const unitCode of group.units) {
        proposed.push({ unitCode, award, status: 'TIED', rank: group.rank, seats: seatsLeft });
      }
      return { proposed, losers: null, rest, pendingVote: tie };
    }
    const winners = new Set(vote.winners);
    for (const unitCode of group.units.filter((unit) => winners.has(unit))) {
      proposed.push({ unitCode, award, status: 'PROPOSED', rank: group.rank, byVote: true });
    }
    const losers = { rank: group.rank, units: group.units.filter((unit) => !winners.has(unit)) };
    return { proposed, losers, rest, pendingVote: null };
  }
  return { proposed, losers: null, rest: [], pendingVote: null };
}

/**
 * The award proposal of a cluster from its year-end standings (SCORING.md §7). Eligible units are
 * XUAT_SAC, not disqualified and, while the rules require it, on time. The flag seats go to the
 * best-ranked eligible units, then the merit seats to the next; the losers of a flag vote compete
 * for merit first, in their rank. No unit gets more than one award.
 *
 * Throws a RangeError for input only a bug upstream produces: a repeated unit code, a rank that is
 * not a positive integer, a negative or fractional quota or member count.
 */
export function allocateAwards(
  candidates: readonly AwardCandidate[],
  memberCount: number,
  rules: AwardRules,
  votes: readonly TieVote[],
): AwardProposal {
  requireCount(rules.flagQuota, 'flagQuota');
  const meritSeats = resolveMeritSeats(rules.meritQuota, memberCount);

  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.unitCode)) {
      throw new RangeError(`unit ${candidate.unitCode} appears more than once in the standings`);
    }
    seen.add(candidate.unitCode);
    if (!Number.isSafeInteger(candidate.rank) || candidate.rank < 1) {
      throw new RangeError(
        `unit ${candidate.unitCode} has rank ${String(candidate.rank)}, not a positive integer`,
      );
    }
  }
  const ordered = [...candidates].sort(
    (a, b) => a.rank - b.rank || compareCodes(a.unitCode, b.unitCode),
  );

  const ineligible: AwardProposal['ineligible'] = [];
  const groups: RankGroup[] = [];
  for (const candidate of ordered) {
    const reasons = ineligibleReasons(candidate, rules);
    if (reasons.length > 0) {
      ineligible.push({ unitCode: candidate.unitCode, reasons });
      continue;
    }
    const last = groups.at(-1);
    if (last?.rank === candidate.rank) last.units.push(candidate.unitCode);
    else groups.push({ rank: candidate.rank, units: [candidate.unitCode] });
  }

  const flags = fillSeats('FLAG', rules.flagQuota, groups, votes);
  if (flags.pendingVote !== null) {
    return { lines: flags.proposed, ineligible, meritSeats, pendingVote: flags.pendingVote };
  }
  const meritGroups = flags.losers === null ? flags.rest : [flags.losers, ...flags.rest];
  const merits = fillSeats('MERIT', meritSeats, meritGroups, votes);
  return {
    lines: [...flags.proposed, ...merits.proposed],
    ineligible,
    meritSeats,
    pendingVote: merits.pendingVote,
  };
}

/**
 * Why the gateway should refuse to record `vote`; empty when the vote resolves exactly the tie
 * that the proposal from these standings and the votes already recorded is waiting on.
 */
export function validateTieVote(
  candidates: readonly AwardCandidate[],
  memberCount: number,
  rules: AwardRules,
  votes: readonly TieVote[],
  vote: TieVote,
): string[] {
  const { pendingVote } = allocateAwards(candidates, memberCount, rules, votes);
  if (pendingVote === null) return ['no tie is awaiting a vote'];
  return voteProblems(pendingVote, vote);
}
