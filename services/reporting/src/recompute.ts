import { clusterKey, type ClusterPeriod } from '@thidua/kit';
import { isYearEnd, yearOf, type PublishedSummary } from '@thidua/schema';
import { addAwardCounts, countAwards, noAwards } from './count-awards.ts';
import { versionKey, type ReportingChanges, type ReportingState } from './state.ts';
import { rollUp, summarizePeriod, type SummaryScorecard } from './summarize-period.ts';

/** The cluster code under which a period's summary over all clusters is kept. */
export const ALL_CLUSTERS = '*';

/**
 * Works out each stale cluster period's summary once, from the state the batch left. Only members
 * count (SCORING.md §9), each with the indicator values of the submission version its scorecard
 * counts, once that submission is kept. A period of a cluster-year without members or scheme is not
 * summarised yet.
 */
export function recompute(
  state: ReportingState,
  stale: readonly ClusterPeriod[],
): ReportingChanges['summaries'] {
  const summaries: ReportingChanges['summaries'] = [];
  for (const period of stale) {
    const { clusterCode, periodId } = period;
    const year = clusterKey({ clusterCode, year: yearOf(periodId) });
    const members = state.members.get(year);
    const scheme = state.schemes.get(year);
    if (members === undefined || scheme === undefined) continue;
    const names = new Map(members.map((m) => [m.unitCode, m.name]));
    const scorecards: SummaryScorecard[] = [];
    for (const card of state.scorecards.get(clusterKey(period))?.values() ?? []) {
      const unitName = names.get(card.unitCode);
      const submitted = state.submissions.get(
        versionKey(period, card.unitCode, card.submissionVersion),
      );
      if (unitName === undefined || submitted === undefined) continue;
      scorecards.push({
        unitCode: card.unitCode,
        unitName,
        total: card.total,
        classification: card.classification,
        onTime: card.onTime,
        // A reviewed value replaces the submitted one here as in every scoring rule.
        indicators: { ...submitted, ...card.reviewedValues },
      });
    }
    const rollUps = new Map(Object.entries(scheme.rollUps));
    const lines = state.sheets.get(year)?.lines;
    const summary: PublishedSummary = {
      ...summarizePeriod(members.length, scheme.maxTotal, scorecards, rollUps),
      // Only a year-end period has awards; before its sheet exists, nothing is proposed yet.
      awards: isYearEnd(periodId) ? (lines === undefined ? noAwards : countAwards(lines)) : null,
    };
    summaries.push({ clusterCode, periodId, summary });
  }
  return summaries;
}

/**
 * Rolls each period's cluster summaries up into the one over all clusters; a period without any
 * cluster summary has none.
 */
export function rollUpPeriods(
  clusterSummaries: ReadonlyMap<string, readonly PublishedSummary[]>,
): ReportingChanges['summaries'] {
  return [...clusterSummaries].flatMap(([periodId, parts]) => {
    if (parts.length === 0) return [];
    const awards = parts.flatMap((part) => (part.awards === null ? [] : [part.awards]));
    const summary: PublishedSummary = {
      ...rollUp(parts),
      awards: isYearEnd(periodId) ? addAwardCounts(awards) : null,
    };
    return [{ clusterCode: ALL_CLUSTERS, periodId, summary }];
  });
}
