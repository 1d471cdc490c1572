import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Standings } from '../api-types.ts';
import { Chart, chartNumber } from '../charts/chart.tsx';
import { request } from '../client.ts';
import { formatDateTime, formatDecimal } from '../format.ts';
import { translate, useLanguage } from '../i18n.ts';

/** How many revisions the chart goes back from the one shown. */
export const chartedRevisions = 12;

/**
 * The revisions before `latest`, oldest first: each is the ranking as of a millisecond before the
 * next one changed, so the walk visits every revision the API kept, one request each, and stops
 * at a revision it already holds.
 */
function useRevisions(cluster: string, period: string, latest: Standings): Standings[] {
  // Revisions never change once made: held across live updates so each is asked for once.
  const held = useRef(new Map<number, Standings>());
  const [shown, setShown] = useState<Standings[]>([]);
  useEffect(() => {
    const stop = new AbortController();
    void (async () => {
      const known = held.current;
      known.set(latest.revision, latest);
      let current = latest;
      for (let walked = 1; walked < chartedRevisions; walked++) {
        const older = known.get(current.revision - 1);
        if (older !== undefined) {
          current = older;
          continue;
        }
        const before = new Date(Date.parse(current.changedAt) - 1).toISOString();
        let previous: Standings | null;
        try {
          ({ ranking: previous } = await request<{ ranking: Standings | null }>('Ranking', {
            cluster,
            period,
            asOf: before,
          }));
        } catch {
          break;
        }
        if (stop.signal.aborted || previous === null || previous.revision >= current.revision)
          break;
        known.set(previous.revision, previous);
        current = previous;
      }
      if (stop.signal.aborted) return;
      setShown(
        [...known.values()]
          .filter((s) => s.revision <= latest.revision)
          .sort((a, b) => a.revision - b.revision)
          .slice(-chartedRevisions),
      );
    })();
    return () => {
      stop.abort();
    };
  }, [cluster, period, latest]);
  return shown;
}

/** Each ranked unit's total over the last revisions of the ranking, a line per unit. */
export function RevisionsChart({
  cluster,
  period,
  latest,
}: {
  cluster: string;
  period: string;
  latest: Standings;
}) {
  const revisions = useRevisions(cluster, period, latest);
  const language = useLanguage();
  const option = useMemo((): EChartsCoreOption => {
    const units = latest.entries.filter((e) => e.status === 'RANKED');
    return {
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) =>
          typeof value === 'number' ? formatDecimal(value.toFixed(2)) : '–',
      },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      xAxis: {
        type: 'category',
        data: revisions.map(
          (r) =>
            `${translate(language, 'Lần {revision}', { revision: r.revision })}\n${formatDateTime(r.changedAt).slice(0, 10)}`,
        ),
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (value: number) => formatDecimal(value.toFixed(0), 0) },
      },
      series: units.map((unit) => ({
        type: 'line',
        name: unit.unitName,
        connectNulls: false,
        data: revisions.map((r) =>
          chartNumber(r.entries.find((e) => e.unitCode === unit.unitCode)?.total),
        ),
      })),
    };
  }, [latest, revisions, language]);
  if (revisions.length < 2) return null;
  return (
    <Chart
      name="revisions"
      option={option}
      height={360}
      label={translate(
        language,
        'Tổng điểm của từng đơn vị qua {count} lần thay đổi gần nhất của bảng xếp hạng (lần {first} đến {last})',
        { count: revisions.length, first: revisions[0]?.revision ?? '', last: latest.revision },
      )}
    />
  );
}
