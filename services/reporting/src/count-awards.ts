import type { AwardCounts, AwardLine } from '@thidua/schema';

export const noAwards: AwardCounts = {
  proposedFlags: 0,
  proposedMerits: 0,
  tied: 0,
  approved: 0,
  approvedLower: 0,
  returned: 0,
  rejected: 0,
  undecided: 0,
  grantedFlags: 0,
  grantedMerits: 0,
};

/** Counts a cluster's award lines: what was proposed, how the central board decided, what was granted. */
export function countAwards(lines: readonly AwardLine[]): AwardCounts {
  const counts = { ...noAwards };
  for (const line of lines) {
    if (line.status === 'TIED') {
      counts.tied += 1;
      continue;
    }
    if (line.proposed === 'FLAG') counts.proposedFlags += 1;
    else counts.proposedMerits += 1;
    switch (line.decision?.decision) {
      case 'APPROVE':
        counts.approved += 1;
        break;
      case 'APPROVE_LOWER':
        counts.approvedLower += 1;
        break;
      case 'RETURN':
        counts.returned += 1;
        break;
      case 'REJECT':
        counts.rejected += 1;
        break;
      case undefined:
        counts.undecided += 1;
        break;
    }
    if (line.granted === 'FLAG') counts.grantedFlags += 1;
    if (line.granted === 'MERIT') counts.grantedMerits += 1;
  }
  return counts;
}

/** Adds up clusters' award counts for the roll-up. */
export function addAwardCounts(parts: readonly AwardCounts[]): AwardCounts {
  const total = { ...noAwards };
  for (const part of parts) {
    for (const key of Object.keys(total) as (keyof AwardCounts)[]) total[key] += part[key];
  }
  return total;
}
