import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { Chart, chartNumber } from '../charts/chart.tsx';
import type { ClustersQuery, SummaryQuery } from '../operations.generated.ts';
import { ApiError, request } from '../client.ts';
import { Download } from '../download.tsx';
import { formatCount, formatDecimal, periodName, periodYear } from '../format.ts';
import { ErrorBox, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

type PeriodSummary = NonNullable<SummaryQuery['summary']>;

/** One row of the roll-up: a cluster, or every cluster together when `code` is null. */
interface Rolled {
  code: string | null;
  name: string;
  summary: PeriodSummary | null;
  error: ApiError | null;
}

/** Every cluster's summary and the overall one, asked for together so the charts draw once. */
function useSummaries(period: string, clusters: { code: string; name: string }[] | null) {
  const [rows, setRows] = useState<Rolled[] | null>(null);
  useEffect(() => {
    if (clusters === null) return;
    let cancelled = false;
    const wanted = [...clusters, { code: null, name: 'Toàn quốc' }];
    void Promise.all(
      wanted.map(async ({ code, name }): Promise<Rolled> => {
        try {
          const { summary } = await request<SummaryQuery>('Summary', {
            period,
            ...(code === null ? {} : { cluster: code }),
          });
          return { code, name, summary, error: null };
        } catch (error) {
          const refusal =
            error instanceof ApiError ? error : new ApiError(String(error), 'Đã có lỗi xảy ra');
          return { code, name, summary: null, error: refusal };
        }
      }),
    ).then((found) => {
      if (!cancelled) setRows(found);
    });
    return () => {
      cancelled = true;
    };
  }, [period, clusters]);
  return rows;
}

const wholeNumber = (value: number) => formatDecimal(value.toFixed(0), 0);

const counted = (value: unknown) => (typeof value === 'number' ? formatCount(value) : '–');

const classificationSeries = [
  ['xuatSac', 'Xuất sắc'],
  ['tot', 'Tốt'],
  ['hoanThanh', 'Hoàn thành'],
  ['khongHoanThanh', 'Không hoàn thành'],
] as const;

/** The charts of the roll-up: the clusters side by side, and the spread of totals overall. */
function SummaryCharts({ rows }: { rows: Rolled[] }) {
  const options = useMemo(() => {
    const clusters = rows.filter((r) => r.code !== null && r.summary !== null);
    const names = clusters.map((r) => r.code ?? '');
    const overall = rows.find((r) => r.code === null)?.summary ?? null;
    const base = {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: counted },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: wholeNumber } },
    };
    const distribution: EChartsCoreOption = {
      ...base,
      legend: { show: false },
      xAxis: {
        type: 'category',
        axisLabel: { interval: 0 },
        data: (overall?.distribution ?? []).map(
          (band) => `${formatDecimal(band.from, 0)}–${formatDecimal(band.to, 0)}`,
        ),
      },
      series: [
        {
          type: 'bar',
          name: 'Số đơn vị',
          data: (overall?.distribution ?? []).map((band) => band.units),
        },
      ],
    };
    const classifications: EChartsCoreOption = {
      ...base,
      xAxis: { type: 'category', data: names },
      series: classificationSeries.map(([key, name]) => ({
        type: 'bar',
        stack: 'units',
        name,
        data: clusters.map((r) => r.summary?.classifications[key] ?? 0),
      })),
    };
    const deadlines: EChartsCoreOption = {
      ...base,
      color: ['#1e8e3e', '#f29900', '#d93025'],
      xAxis: { type: 'category', data: names },
      series: (
        [
          ['onTime', 'Đúng hạn'],
          ['late', 'Nộp muộn'],
          ['missing', 'Chưa nộp'],
        ] as const
      ).map(([key, name]) => ({
        type: 'bar',
        stack: 'units',
        name,
        data: clusters.map((r) => r.summary?.[key] ?? 0),
      })),
    };
    const codes = [
      ...new Set(clusters.flatMap((r) => r.summary?.indicatorTotals.map((i) => i.code) ?? [])),
    ];
    const indicators: EChartsCoreOption = {
      ...base,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) =>
          typeof value === 'number' ? formatDecimal(value.toFixed(2)) : '–',
      },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 16, right: 24, top: 8, bottom: 40, containLabel: true },
      // Indicators down the side, so their names stay readable however many there are.
      yAxis: { type: 'category', data: codes, inverse: true, axisLabel: { interval: 0 } },
      xAxis: { type: 'value', axisLabel: { formatter: wholeNumber } },
      series: clusters.map((r) => ({
        type: 'bar',
        name: r.code ?? '',
        data: codes.map((code) =>
          chartNumber(r.summary?.indicatorTotals.find((i) => i.code === code)?.total),
        ),
      })),
    };
    return {
      distribution,
      classifications,
      deadlines,
      indicators,
      indicatorCount: codes.length,
      clusterCount: clusters.length,
    };
  }, [rows]);
  return (
    <section className="charts" aria-label="Biểu đồ tổng hợp">
      <Chart
        name="distribution"
        option={options.distribution}
        label="Phân bố tổng điểm các đơn vị (toàn quốc)"
      />
      <Chart
        name="classifications"
        option={options.classifications}
        label="Số đơn vị theo xếp loại, từng cụm"
      />
      <Chart
        name="deadlines"
        option={options.deadlines}
        label="Đúng hạn, nộp muộn và chưa nộp, từng cụm"
      />
      <Chart
        name="indicators"
        option={options.indicators}
        height={Math.max(320, 60 + 14 * options.indicatorCount * Math.max(2, options.clusterCount))}
        label="Tổng giá trị các chỉ tiêu, từng cụm"
      />
    </section>
  );
}

/** How an indicator was rolled up, in Vietnamese; an average says how many units it is over. */
function rollUpName({ rollUp, reported }: PeriodSummary['indicators'][number]): string {
  if (rollUp === 'AVERAGE') return `Trung bình (${formatCount(reported)} đơn vị)`;
  if (rollUp === 'YES_COUNT') return 'Số đơn vị trả lời có';
  return 'Tổng';
}

/** The figure to show: a yes/no as "n / m đơn vị", a whole sum whole, else to hundredths. */
function rollUpFigure({ rollUp, reported, value }: PeriodSummary['indicators'][number]): string {
  if (rollUp === 'YES_COUNT') return `${formatDecimal(value, 0)} / ${formatCount(reported)} đơn vị`;
  // A sum of counts comes as `8941.00`: shown whole unless it has a real fraction.
  const whole = rollUp === 'SUM' && /^-?\d+(\.0+)?$/.test(value);
  return formatDecimal(value, whole ? 0 : 2);
}

/** Every indicator over all clusters, rolled up the way its scheme says. */
function IndicatorRollUps({ indicators }: { indicators: PeriodSummary['indicators'] }) {
  if (indicators.length === 0) return null;
  return (
    <table className="indicator-rollups">
      <caption>Các chỉ tiêu toàn quốc</caption>
      <thead>
        <tr>
          <th>Chỉ tiêu</th>
          <th>Cách tổng hợp</th>
          <th className="number">Số liệu</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((indicator) => (
          <tr key={indicator.code} data-indicator={indicator.code}>
            <td>{indicator.code}</td>
            <td className="kind">{rollUpName(indicator)}</td>
            <td className="number figure">{rollUpFigure(indicator)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The central board's roll-up of a period: each cluster of its year, then all of them together. */
export function SummaryPage({ period }: { period: string }) {
  const clusters = useQuery<ClustersQuery>('Clusters', { year: periodYear(period), first: 100 });
  const listed = useMemo(
    () => clusters.data?.clusters.edges.map(({ node }) => node) ?? null,
    [clusters.data],
  );
  const rows = useSummaries(period, listed);
  if (clusters.loading && clusters.data === null) return <Loading what="danh sách cụm" />;
  if (clusters.error !== null) return <ErrorBox error={clusters.error} />;
  return (
    <div className="summary">
      <h1>Tổng hợp · {periodName(period)}</h1>
      <p className="actions no-print">
        <Download
          path="/exports/summary.xlsx"
          params={{ period }}
          label="Xuất Excel"
          fallbackName={`tong-hop-tat-ca-${period}.xlsx`}
        />
      </p>
      {rows === null && <Loading what="số liệu tổng hợp" />}
      {rows !== null && (
        <>
          <table>
            <thead>
              <tr>
                <th>Cụm</th>
                <th className="number">Đơn vị</th>
                <th className="number">Đúng hạn</th>
                <th className="number">Nộp muộn</th>
                <th className="number">Chưa nộp</th>
                <th className="number">Tổng điểm</th>
                <th className="number">Điểm bình quân</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ code, name, summary, error }) => (
                <tr
                  key={code ?? 'all'}
                  className={code === null ? 'overall' : undefined}
                  data-cluster={code ?? 'all'}
                >
                  <th scope="row">{name}</th>
                  {error !== null ? (
                    <td colSpan={6}>
                      <ErrorBox error={error} />
                    </td>
                  ) : summary === null ? (
                    <td colSpan={6} className="muted">
                      Chưa có số liệu
                    </td>
                  ) : (
                    <>
                      <td className="number">{formatCount(summary.members)}</td>
                      <td className="number">{formatCount(summary.onTime)}</td>
                      <td className="number">{formatCount(summary.late)}</td>
                      <td className="number">{formatCount(summary.missing)}</td>
                      <td className="number">{formatDecimal(summary.totalSum)}</td>
                      <td className="number">{formatDecimal(summary.averageTotal)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <IndicatorRollUps
            indicators={rows.find((r) => r.code === null)?.summary?.indicators ?? []}
          />
          <SummaryCharts rows={rows} />
        </>
      )}
    </div>
  );
}
