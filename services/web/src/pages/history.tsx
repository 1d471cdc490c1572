import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Chart, chartNumber } from '../charts/chart.tsx';
import type { UnitQuery } from '../operations.generated.ts';
import { classificationName, formatDecimal, periodName, vietnameseCollator } from '../format.ts';
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
      xAxis: { type: 'category', data: periods.map(periodName) },
      yAxis: { type: 'value', scale: true },
      series: units.map((unit) => ({
        type: 'line',
        name: unit,
        data: periods.map((p) =>
          chartNumber(entries.find((e) => e.unitCode === unit && e.periodId === p)?.total),
        ),
      })),
    };
  }, [entries]);
  return (
    <Chart
      name="history"
      option={option}
      label="Tổng điểm qua các kỳ của đơn vị và các đơn vị đã hợp nhất vào đơn vị"
    />
  );
}

/**
 * A unit across the years: the clusters it belonged to under the names it had, the units merged
 * into it, and every period result of it and of them (for the unit itself and the central board).
 */
export function HistoryPage({ unit }: { unit: string }) {
  const answer = useQuery<UnitQuery>('Unit', { code: unit, first: 100 });
  if (answer.error !== null) return <ErrorBox error={answer.error} />;
  if (answer.data === null) return <Loading what="lịch sử đơn vị" />;
  const found = answer.data.unit;
  if (found === null) return <p>Không có đơn vị {unit}.</p>;
  const entries = found.history.edges.map((e) => e.node).sort(byPeriodThenUnit);
  const memberships = [...found.memberships].sort((a, b) => b.year - a.year);
  const name = memberships[0]?.name ?? found.code;
  return (
    <div className="history">
      <h1>Lịch sử thi đua · {name}</h1>
      <p>
        {found.predecessors.length === 0 ? (
          'Đơn vị không có đơn vị tiền thân.'
        ) : (
          <>
            Hợp nhất từ:{' '}
            <span data-testid="predecessors">
              {[...found.predecessors].sort(vietnameseCollator.compare).join(', ')}
            </span>
          </>
        )}
      </p>
      <table className="memberships">
        <caption>Cụm thi đua qua các năm</caption>
        <thead>
          <tr>
            <th>Năm</th>
            <th>Cụm</th>
            <th>Tên đơn vị năm đó</th>
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
        <p>Chưa có kết quả kỳ nào.</p>
      ) : (
        <>
          <table className="history-table">
            <caption>
              Kết quả các kỳ ({found.history.totalCount}
              {found.history.totalCount > entries.length ? `, hiện ${entries.length} đầu tiên` : ''}
              )
            </caption>
            <thead>
              <tr>
                <th>Kỳ</th>
                <th>Đơn vị</th>
                <th className="number">Tổng điểm</th>
                <th>Xếp loại</th>
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
                    {e.unitCode !== found.code && <span className="muted"> (tiền thân)</span>}
                  </td>
                  <td className="number">{formatDecimal(e.total)}</td>
                  <td>{classificationName(e.classification)}</td>
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
