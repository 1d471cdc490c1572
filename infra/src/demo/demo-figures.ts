import type { SubmitResultsInput } from '@thidua/gateway';
import { splitTotal } from './split-total.ts';

export type Figures = Omit<SubmitResultsInput, 'unitCode' | 'periodId' | 'actor'>;

/** The self-assessed criteria of the demo scheme and their maxima. */
const selfAssessed: readonly (readonly [string, number])[] = [
  ['1.2', 6],
  ['1.3', 4],
  ['2.1', 5],
  ['3.3', 4],
  ['3.4', 3],
  ['4.5', 3],
  ['5.1', 4],
  ['6.1', 3],
  ['6.4', 2],
];

/** A self-score a little under the criterion's maximum, varied by unit, in quarter points. */
function selfScore(max: number, index: number, criterion: number, slack: number): string {
  const quarters = max * 4 - ((index * 3 + criterion * 5) % slack);
  return `${Math.floor(quarters / 4)}.${String((quarters % 4) * 25).padStart(2, '0')}`;
}

export interface FigureOptions {
  /** Unit's position in its cluster, which varies its figures. */
  index: number;
  /** Cluster-wide totals to share among the units by weight (the published H1 figures). */
  shared?: { totals: Readonly<Record<string, number>>; weights: readonly number[] };
  /** 'H1' figures are half a year's; 'FY' figures the whole year's, and stronger. */
  period: 'H1' | 'FY';
}

/**
 * Invented but plausible figures for one unit and period of the demo scheme. Counts shared from a
 * published cluster total add up to it exactly.
 */
export function demoFigures({ index, shared, period }: FigureOptions): Figures {
  const year = period === 'FY' ? 2 : 1;
  const share = (indicator: string, fallback: number) => {
    const total = shared?.totals[indicator];
    return total === undefined || shared === undefined
      ? String(fallback)
      : String(splitTotal(total, shared.weights)[index] ?? 0);
  };
  const indicators: Record<string, string> = {
    documentsAdvisedToStandingCommittee: share(
      'documentsAdvisedToStandingCommittee',
      year * (5 + ((index * 7) % 6)),
    ),
    newPartyOrganizationsInEnterprises: share(
      'newPartyOrganizationsInEnterprises',
      year * (1 + (index % 3)),
    ),
    newPartyMembersAdmitted: share('newPartyMembersAdmitted', year * (800 + ((index * 97) % 700))),
    provincialCommitteeMembersRemoved: share(
      'provincialCommitteeMembersRemoved',
      index % 7 === 3 ? 1 : 0,
    ),
    districtLevelOfficialsRemoved: share('districtLevelOfficialsRemoved', index % 4),
    workProgrammeCompleted: index % 9 === 4 ? '0' : '1',
    assignedTasksCompletedPercent: String(100 - ((index * 3) % (period === 'FY' ? 7 : 13))),
    staffReductionPercent: `${5 + year * 2 + (index % 4)}.${String((index * 13) % 100).padStart(2, '0')}`,
    staffingRulesComplied: '1',
    cadresPlanned: String(215 + ((index * 37) % 60) + (year - 1) * 40),
    cadresTrained: String(350 + ((index * 53) % 90) + (year - 1) * 60),
    grassrootsExcellentPercent: `${12 + (index % 11)}.50`,
    politicalCasesResolvedPercent: String(Math.min(100, 92 + (index % 9) + (year - 1) * 4)),
    noComplexIncidents: index === 11 ? '0' : '1',
    digitalRecordsPercent: String(Math.min(100, 75 + ((index * 11) % 26) + (year - 1) * 15)),
    officeRatedClean: '1',
  };
  return {
    indicators: Object.entries(indicators).map(([code, value]) => ({ code, value })),
    selfScores: selfAssessed.map(([criterion, max], c) => ({
      criterion,
      score: selfScore(max, index, c, period === 'FY' ? 3 : 5),
    })),
  };
}
