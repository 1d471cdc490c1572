import { awardKind, makeEvent, type SubmissionProblem, type Actor } from '@thidua/schema';
import { lastPublishedAwardSheet } from './award-sheet.ts';
import { actorCode } from '../auth/viewer.ts';
import {
  accept,
  commandOf,
  eventHeader,
  forbidden,
  invalid,
  problem,
  type Decide,
} from './command.ts';
import type { AwardSheetState } from './decide-award.ts';
import { clusterNotDefined, findCluster } from './membership.ts';

export interface RecordTieVoteInput {
  clusterCode: string;
  year: number;
  award: string;
  rank: number;
  winners: readonly string[];
  recordedBy: Actor;
}

/** The cluster's year (its lead), null when not defined, and its last published award sheet. */
export interface RecordTieVoteState extends AwardSheetState {
  cluster: { lead: string | null } | null;
}

/**
 * Records the cluster's vote on a tie at a quota boundary (SCORING.md §7): it must settle the tie
 * the current proposal is waiting on, naming exactly as many units of the tied group as there are
 * seats. The lead of the year records it (or the central board).
 */
export const decideRecordTieVote: Decide<
  RecordTieVoteInput,
  RecordTieVoteState,
  { clusterCode: string; year: number }
> = (input, { cluster, sheet }, context) => {
  const problems: SubmissionProblem[] = [];
  const award = awardKind.safeParse(input.award);
  if (!award.success)
    problems.push(problem('award', 'must be FLAG or MERIT', 'Phải là FLAG hoặc MERIT'));
  if (cluster === null) {
    return invalid([clusterNotDefined(input.clusterCode, input.year)]);
  }
  const { recordedBy } = input;
  if (recordedBy.role !== 'CENTRAL' && recordedBy.unitCode !== cluster.lead) {
    return forbidden(
      'only the lead of the year records the vote',
      'Chỉ cụm trưởng của năm được ghi kết quả bình xét',
    );
  }
  const pending = sheet?.pendingVote ?? null;
  if (pending === null) {
    problems.push(
      problem(
        'rank',
        'no tie is awaiting a vote in this cluster and year',
        'Không có trường hợp bằng điểm nào đang chờ bình xét',
      ),
    );
  } else {
    if (award.success && (award.data !== pending.award || input.rank !== pending.rank)) {
      problems.push(
        problem(
          'rank',
          `the tie awaiting a vote is for ${pending.award} at rank ${pending.rank}`,
          `Trường hợp chờ bình xét là ${pending.award} ở hạng ${pending.rank}`,
        ),
      );
    }
    const distinct = new Set(input.winners);
    if (distinct.size !== input.winners.length || distinct.size !== pending.seats) {
      problems.push(
        problem(
          'winners',
          `name ${pending.seats} different unit(s) for the ${pending.seats} seat(s)`,
          `Cần nêu ${pending.seats} đơn vị khác nhau cho ${pending.seats} suất`,
        ),
      );
    }
    input.winners.forEach((unit, index) => {
      if (!pending.units.includes(unit)) {
        problems.push(
          problem(
            `winners.${index}`,
            `${unit} is not in the tied group`,
            `${unit} không thuộc nhóm bằng điểm`,
          ),
        );
      }
    });
  }
  if (!award.success || problems.length > 0) return invalid(problems);
  return accept(
    { clusterCode: input.clusterCode, year: input.year },
    [
      makeEvent('TieVoteRecorded', {
        ...eventHeader(context, input.clusterCode),
        data: {
          year: input.year,
          award: award.data,
          rank: input.rank,
          winners: [...input.winners],
          recordedBy: actorCode(recordedBy),
        },
      }),
    ],
    input.recordedBy,
  );
};

export const recordTieVote = commandOf(
  async (trx, input: RecordTieVoteInput): Promise<RecordTieVoteState> => ({
    cluster: await findCluster(trx, input.clusterCode, input.year),
    sheet: await lastPublishedAwardSheet(trx, input.clusterCode, input.year),
  }),
  decideRecordTieVote,
);
