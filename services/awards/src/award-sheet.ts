import type { AwardDecidedV1, AwardLine, AwardsChangedV1 } from '@thidua/schema';
import type { AwardProposal } from './allocate-awards.ts';

export type AwardSheet = Omit<AwardsChangedV1, 'year' | 'revision'>;

/**
 * Puts the central board's decisions on the proposal's lines (the latest decision on a line counts)
 * and works out what each unit is granted: the proposed award when approved, a certificate of merit
 * when a flag is approved as a lower award, nothing when returned, rejected or undecided.
 */
export function awardSheet(
  proposal: AwardProposal,
  decisions: readonly AwardDecidedV1[],
): AwardSheet {
  const latest = new Map<string, AwardDecidedV1>();
  for (const decision of decisions) latest.set(`${decision.unitCode}/${decision.award}`, decision);
  const lines: AwardLine[] = proposal.lines.map((line) => {
    const decided =
      line.status === 'PROPOSED' ? latest.get(`${line.unitCode}/${line.award}`) : undefined;
    return {
      unitCode: line.unitCode,
      proposed: line.award,
      status: line.status,
      rank: line.rank,
      byVote: line.status === 'PROPOSED' && line.byVote,
      decision:
        decided === undefined
          ? null
          : {
              decision: decided.decision,
              reason: decided.reason,
              decisionNumber: decided.decisionNumber,
              decidedOn: decided.decidedOn,
              signer: decided.signer,
            },
      granted: granted(line.award, decided),
    };
  });
  return {
    lines,
    ineligible: proposal.ineligible,
    meritSeats: proposal.meritSeats,
    pendingVote: proposal.pendingVote,
  };
}

function granted(
  proposed: AwardLine['proposed'],
  decided: AwardDecidedV1 | undefined,
): AwardLine['granted'] {
  switch (decided?.decision) {
    case 'APPROVE':
      return proposed;
    case 'APPROVE_LOWER':
      return proposed === 'FLAG' ? 'MERIT' : null;
    case 'RETURN':
    case 'REJECT':
    case undefined:
      return null;
  }
}
