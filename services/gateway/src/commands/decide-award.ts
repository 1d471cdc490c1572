import {
  awardDecision,
  awardKind,
  humanTextProblem,
  makeEvent,
  type SubmissionProblem,
  type Actor,
  type PublishedAwardSheetRow,
} from '@thidua/schema';
import { z } from 'zod';
import { lastPublishedAwardSheet } from './award-sheet.ts';
import { accept, commandOf, eventHeader, invalid, problem, type Decide } from './command.ts';
import { unlessCentral } from './rights.ts';

export interface DecideAwardInput {
  clusterCode: string;
  year: number;
  unitCode: string;
  award: string;
  decision: string;
  reason: string;
  decisionNumber: string;
  decidedOn: string;
  signer: string;
  actor: Actor;
}

const isoDate = z.iso.date();

/**
 * The cluster's year as the awards service last published it, null before its first sheet: a step
 * behind, possibly (see lastPublishedAwardSheet).
 */
export interface AwardSheetState {
  sheet: PublishedAwardSheetRow['sheet'] | null;
}

/**
 * The central board's decision on one proposed line: approve, approve as a lower award (flag →
 * certificate of merit), return to the cluster, or reject; always with reason, number, date, signer.
 */
export const decideAwardDecision: Decide<
  DecideAwardInput,
  AwardSheetState,
  { clusterCode: string; year: number; unitCode: string }
> = (input, { sheet }, context) => {
  const refused = unlessCentral(input.actor);
  if (refused !== null) return refused;
  const problems: SubmissionProblem[] = [];
  const award = awardKind.safeParse(input.award);
  if (!award.success)
    problems.push(problem('award', 'must be FLAG or MERIT', 'Phải là FLAG hoặc MERIT'));
  const decision = awardDecision.safeParse(input.decision);
  if (!decision.success) {
    problems.push(
      problem(
        'decision',
        'must be APPROVE, APPROVE_LOWER, RETURN or REJECT',
        'Quyết định không hợp lệ',
      ),
    );
  }
  const texts = [
    ['reason', 'reason'],
    ['decisionNumber', 'name'],
    ['signer', 'name'],
  ] as const;
  for (const [field, kind] of texts) {
    const unreadable = humanTextProblem(input[field], kind);
    if (unreadable !== null) problems.push({ path: field, ...unreadable });
  }
  if (!isoDate.safeParse(input.decidedOn).success) {
    problems.push(problem('decidedOn', 'must be a date such as 2024-01-15', 'Ngày không hợp lệ'));
  }
  const line = sheet?.lines.find(
    (l) => l.unitCode === input.unitCode && l.proposed === input.award,
  );
  if (line?.status !== 'PROPOSED') {
    problems.push(
      problem(
        'unitCode',
        `${input.unitCode} has no proposed ${input.award} line in ${input.clusterCode} for ${input.year}`,
        `Không có đề nghị ${input.award} cho đơn vị ${input.unitCode} trong cụm ${input.clusterCode} năm ${input.year}`,
      ),
    );
  }
  if (decision.success && decision.data === 'APPROVE_LOWER' && input.award !== 'FLAG') {
    problems.push(
      problem(
        'decision',
        'only a flag can be approved as a lower award',
        'Chỉ Cờ thi đua mới được hạ mức khen',
      ),
    );
  }
  if (!award.success || !decision.success || problems.length > 0) return invalid(problems);
  return accept(
    { clusterCode: input.clusterCode, year: input.year, unitCode: input.unitCode },
    [
      makeEvent('AwardDecided', {
        ...eventHeader(context, input.clusterCode),
        data: {
          year: input.year,
          unitCode: input.unitCode,
          award: award.data,
          decision: decision.data,
          reason: input.reason.trim(),
          decisionNumber: input.decisionNumber.trim(),
          decidedOn: input.decidedOn,
          signer: input.signer.trim(),
        },
      }),
    ],
    input.actor,
  );
};

export const decideAward = commandOf(
  async (trx, input: DecideAwardInput): Promise<AwardSheetState> => ({
    sheet: await lastPublishedAwardSheet(trx, input.clusterCode, input.year),
  }),
  decideAwardDecision,
);
