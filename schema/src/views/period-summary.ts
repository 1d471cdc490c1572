import type { Classification } from '../events/scorecard-computed.v1.ts';
import type { RollUpKind } from '../scheme.ts';
import type { PublishedView } from './published-view.ts';

// The summaries the reporting service publishes (view reporting.published_summaries) and the
// gateway serves: the shape both sides agree on.

export interface DistributionBand {
  /** Inclusive lower bound, 2 decimals. */
  from: string;
  /** Exclusive upper bound, except for the last band, whose upper bound (maxTotal) is inclusive. */
  to: string;
  units: number;
}

export interface SummaryLeader {
  unitCode: string;
  unitName: string;
  total: string;
}

/**
 * One indicator over the counted submissions, rolled up the way its scheme says (SCORING.md §8):
 * summed; averaged over the units that reported it, with their number; or "n of m units" answered
 * yes. `sum` and `reported` add up over clusters, so a roll-up's figure is always recomputed from
 * them rather than averaged from averages.
 */
export interface IndicatorRollUp {
  code: string;
  rollUp: RollUpKind;
  /** Units whose counted submission reported the indicator (the m of "n of m units"). */
  reported: number;
  /** The exact sum of the reported values (for YES_COUNT, the number of yes answers). */
  sum: string;
  /**
   * The figure to show: the sum (SUM), sum / reported rounded once, half up, to hundredths
   * (AVERAGE), or the number of yes answers (YES_COUNT).
   */
  value: string;
}

export interface PeriodSummary {
  members: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /**
   * Per indicator code, the exact sum over the counted submissions; keys sorted. A sum over many
   * units may have more than 12 integer digits (each value is bounded by its indicator's maxValue,
   * the number of units is not): it is an exact decimal string of any length, never a `decimal`.
   */
  indicatorTotals: Record<string, string>;
  /** Every reported indicator rolled up by its scheme's roll-up, sorted by code. */
  indicators: IndicatorRollUp[];
  /** Σ totals. */
  totalSum: string;
  /** totalSum / submitted rounded once, half up, to hundredths; null when none submitted. */
  averageTotal: string | null;
  /**
   * 10-point bands [0,10), [10,20) … [last, maxTotal]; totals above maxTotal count in the last.
   * Over all clusters, empty when the clusters are scored out of different maxTotals.
   */
  distribution: DistributionBand[];
  classifications: Record<Classification, number>;
  /** The unit(s) with the highest total, all of them when equal, sorted by unitCode. */
  leaders: SummaryLeader[];
}

/** The year-end award proposals and the central board's decisions, counted (SCORING.md §8). */
export interface AwardCounts {
  proposedFlags: number;
  proposedMerits: number;
  /** Units proposed as TIED, awaiting the cluster's vote. */
  tied: number;
  approved: number;
  approvedLower: number;
  returned: number;
  rejected: number;
  undecided: number;
  grantedFlags: number;
  grantedMerits: number;
}

/** What the reporting service publishes: the summary, and for a year-end period the awards. */
export interface PublishedSummary extends PeriodSummary {
  awards: AwardCounts | null;
}

/** A cluster's summary of a period, or over all clusters (cluster_code '*'). */
export interface PublishedSummaryRow {
  cluster_code: string;
  period_id: string;
  summary: PublishedSummary;
}

export const publishedSummaries: PublishedView<PublishedSummaryRow> = {
  schema: 'reporting',
  name: 'published_summaries',
  columns: { cluster_code: 'text', period_id: 'text', summary: 'jsonb' },
};
