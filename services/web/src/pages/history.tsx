import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Chart, chartNumber } from '../charts/chart.tsx';
import type { UnitQuery } from '../operations.generated.ts';
import { classificationName, formatDecimal, vietnameseCollator } from '../format.ts';
import { periodNameIn, useLanguage, usePeriodName, useT } from '../i18n.ts';
import { ErrorBox, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

type FoundUnit = NonNullable<UnitQuery['unit']>;
type HistoryEntry = FoundUnit['history']['edges'][number]['node'];

/** Periods in time order: a year's first half before its year-end. */
const periodOrder = (periodId: string) =>
  `${periodId.slice(0, 4)}-${periodId.endsWith('H1') ? 0 : 1}`;

const byPeriodThenUnit = (a: HistoryEntry, b: HistoryEntry) =>
  periodOrder(a.periodId).localeCompare(periodOrder(b.periodId)) ||
  vietnameseCollator.compare(a.unitCode, b.unitCode);

/** Each unit's total per period, a line per unit: the unit itself and those merged into it. */
function HistoryChart({ entries }: { entries: HistoryEntry[] }) {
  const t = useT();
  const language = useLanguage();
  const option = useMemo((): EChartsCoreOption => {
    const periods = [...new Set(entries.map((e) => e.periodId))].sort((a, b) =>
      periodOrder(a).localeCompare(periodOrder(b)),
    );
    const units = [...new Set(entries.map((e) => e.unitCode))];
    return {
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) =>
          typeof value === 'number' ? formatDecimal(value.toFixed(2)) : '–',
      },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: periods.map((p) => periodNameIn(language, p)) },
      yAxis: { type: 'value', scale: true },
      series: units.map((unit) => ({
        type: 'line',
        name: unit,
        data: periods.map((p) =>
          chartNumber(entries.find((e) => e.unitCode === unit && e.periodId === p)?.total),
        ),
      })),
    };
  }, [entries, language]);
  return (
    <Chart
      name="history"
      option={option}
      label={t('Tổng điểm qua các kỳ của đơn vị và các đơn vị đã hợp nhất vào đơn vị')}
    />
  );
}

/**
 * A unit across the years: the clusters it belonged to under the names it had, the units merged
 * into it, and every period result of it and of them (for the unit itself and the central board).
 */
export function HistoryPage({ unit }: { unit: string }) {
  const t = useT();
  const periodName = usePeriodName();
  const answer = useQuery<UnitQuery>('Unit', { code: unit, first: 100 });
  if (answer.error !== null) return <ErrorBox error={answer.error} />;
  if (answer.data === null) return <Loading what="lịch sử đơn vị" />;
  const found = answer.data.unit;
  if (found === null) return <p>{t('Không có đơn vị {unit}.', { unit })}</p>;
  const entries = found.history.edges.map((e) => e.node).sort(byPeriodThenUnit);
  const memberships = [...found.memberships].sort((a, b) => b.year - a.year);
  const name = memberships[0]?.name ?? found.code;
  return (
    <div className="history">
      <h1>{t('Lịch sử thi đua · {unit}', { unit: name })}</h1>
      <p>
        {found.predecessors.length === 0 ? (
          t('Đơn vị không có đơn vị tiền thân.')
        ) : (
          <>
            {t('Hợp nhất từ:')}{' '}
            <span data-testid="predecessors">
              {[...found.predecessors].sort(vietnameseCollator.compare).join(', ')}
            </span>
          </>
        )}
      </p>
      <table className="memberships">
        <caption>{t('Cụm thi đua qua các năm')}</caption>
        <thead>
          <tr>
            <th>{t('Năm')}</th>
            <th>{t('Cụm')}</th>
            <th>{t('Tên đơn vị năm đó')}</th>
          </tr>
        </thead>
        <tbody>
          {memberships.map((m) => (
            <tr key={`${m.year}/${m.clusterCode}`}>
              <td>{m.year}</td>
              <td>{m.clusterCode}</td>
              <td>{m.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 ? (
        <p>{t('Chưa có kết quả kỳ nào.')}</p>
      ) : (
        <>
          <table className="history-table">
            <caption>
              {t(
                found.history.totalCount > entries.length
                  ? 'Kết quả các kỳ ({count}, hiện {shown} đầu tiên)'
                  : 'Kết quả các kỳ ({count})',
                { count: found.history.totalCount, shown: entries.length },
              )}
            </caption>
            <thead>
              <tr>
                <th>{t('Kỳ')}</th>
                <th>{t('Đơn vị')}</th>
                <th className="number">{t('Tổng điểm')}</th>
                <th>{t('Xếp loại')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr
                  key={`${e.periodId}/${e.unitCode}`}
                  data-period={e.periodId}
                  data-unit={e.unitCode}
                  className={e.unitCode === found.code ? undefined : 'predecessor'}
                >
                  <td>{periodName(e.periodId)}</td>
                  <td>
                    {e.unitCode}
                    {e.unitCode !== found.code && (
                      <span className="muted"> {t('(tiền thân)')}</span>
                    )}
                  </td>
                  <td className="number">{formatDecimal(e.total)}</td>
                  <td>{t(classificationName(e.classification))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <HistoryChart entries={entries} />
        </>
      )}
    </div>
  );
}
