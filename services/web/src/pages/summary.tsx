import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { Chart, chartNumber } from '../charts/chart.tsx';
import type { Scheme } from '../api-types.ts';
import type { ClustersQuery, SummaryQuery } from '../operations.generated.ts';
import { ApiError, request } from '../client.ts';
import { Download } from '../download.tsx';
import { formatCount, formatDecimal, periodYear } from '../format.ts';
import { translate, useLanguage, usePeriodName, useT, type Translate } from '../i18n.ts';
import { ErrorBox, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

type PeriodSummary = NonNullable<SummaryQuery['summary']>;
type IndicatorRollUp = PeriodSummary['indicators'][number];

/** One row of the roll-up: a cluster, or every cluster together when `code` is null. */
interface Rolled {
  code: string | null;
  name: string;
  summary: PeriodSummary | null;
  /** the cluster's scheme for the period's year, which titles its indicators */
  scheme: Scheme | null;
  error: ApiError | null;
}

/** A cluster's scheme; none when it has no scheme or the API does not give it (codes stand). */
const schemeOf = (cluster: string | null, period: string) =>
  cluster === null
    ? Promise.resolve(null)
    : request<{ scheme: Scheme | null }>('Scheme', { cluster, period }).then(
        ({ scheme }) => scheme,
        () => null,
      );

/** Every cluster's summary and the overall one, asked for together so the charts draw once. */
function useSummaries(period: string, clusters: { code: string; name: string }[] | null) {
  const [rows, setRows] = useState<Rolled[] | null>(null);
  useEffect(() => {
    if (clusters === null) return;
    let cancelled = false;
    const wanted = [...clusters, { code: null, name: 'Toàn quốc' }];
    void Promise.all(
      wanted.map(async ({ code, name }): Promise<Rolled> => {
        const scheme = schemeOf(code, period);
        try {
          const { summary } = await request<SummaryQuery>('Summary', {
            period,
            ...(code === null ? {} : { cluster: code }),
          });
          return { code, name, summary, scheme: await scheme, error: null };
        } catch (error) {
          const refusal =
            error instanceof ApiError ? error : new ApiError(String(error), 'Đã có lỗi xảy ra');
          return { code, name, summary: null, scheme: await scheme, error: refusal };
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

/** Each indicator's title in the first cluster scheme that has it. */
function indicatorTitles(rows: Rolled[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const { scheme } of rows) {
    for (const { code, title } of scheme?.indicators ?? []) {
      if (!titles.has(code)) titles.set(code, title);
    }
  }
  return titles;
}

/** A chart coordinate as the axis writes it, the Vietnamese way: `1.234,5`. */
const tickFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const tick = (value: number) => tickFormat.format(value);

/**
 * The indicators charted per roll-up kind, as figures of one kind only compare with each other:
 * sums as totals, averages as averages, yes/no answers as the share of units that said yes.
 */
const rollUpCharts = [
  {
    kind: 'SUM',
    name: 'indicators-sum',
    label: 'Chỉ tiêu tính tổng: tổng của các đơn vị đã báo cáo, từng cụm',
    axis: 'Tổng của các đơn vị đã báo cáo',
  },
  {
    kind: 'AVERAGE',
    name: 'indicators-average',
    label: 'Chỉ tiêu tính trung bình: trung bình của các đơn vị đã báo cáo, từng cụm',
    axis: 'Trung bình của các đơn vị đã báo cáo',
  },
  {
    kind: 'YES_COUNT',
    name: 'indicators-yes',
    label: 'Chỉ tiêu có/không: tỷ lệ đơn vị trả lời có, từng cụm',
    axis: 'Tỷ lệ đơn vị trả lời có (%)',
  },
] as const;

/** Where an indicator's bar ends: its figure, or for a yes/no the share of yes in percent. */
function coordinate(found: IndicatorRollUp | undefined): number | null {
  if (found === undefined) return null;
  if (found.rollUp !== 'YES_COUNT') return chartNumber(found.value);
  return found.reported === 0 ? null : (Number(found.value) / found.reported) * 100;
}

/** One kind's chart: its indicators down the side by title, a bar per cluster. */
function indicatorChart(
  { kind, name, label, axis }: (typeof rollUpCharts)[number],
  clusters: Rolled[],
  titles: Map<string, string>,
  base: EChartsCoreOption,
  t: Translate,
) {
  const codes = [
    ...new Set(
      clusters.flatMap(
        (r) => r.summary?.indicators.filter((i) => i.rollUp === kind).map((i) => i.code) ?? [],
      ),
    ),
  ];
  const option: EChartsCoreOption = {
    ...base,
    legend: { type: 'scroll', bottom: 0 },
    // Room on the right for the figure at the end of the longest bar.
    grid: { left: 16, right: 96, top: 8, bottom: 64, containLabel: true },
    yAxis: {
      type: 'category',
      inverse: true,
      data: codes.map((code) => titles.get(code) ?? code),
      // Long titles wrap rather than being cut.
      axisLabel: { interval: 0, width: 280, overflow: 'break' },
    },
    xAxis: {
      type: 'value',
      name: t(axis),
      nameLocation: 'middle',
      nameGap: 28,
      ...(kind === 'YES_COUNT' ? { max: 100 } : {}),
      axisLabel: { formatter: tick },
    },
    series: clusters.map((r) => {
      const found = codes.map((code) => r.summary?.indicators.find((i) => i.code === code));
      // Labels and tooltip show the API's figure as the table does, not the bar's coordinate.
      const figure = (index: number) => {
        const rolled = found[index];
        return rolled === undefined ? '–' : rollUpFigure(rolled, t);
      };
      return {
        type: 'bar',
        name: r.name,
        data: found.map(coordinate),
        label: {
          show: true,
          position: 'right',
          fontSize: 10,
          formatter: ({ dataIndex }: { dataIndex: number }) => figure(dataIndex),
        },
        tooltip: { valueFormatter: (_value: unknown, index: number) => figure(index) },
      };
    }),
  };
  const height = Math.max(240, 110 + 16 * codes.length * Math.max(2, clusters.length));
  return { name, label: t(label), option, height, count: codes.length };
}

/** The charts of the roll-up: the clusters side by side, and the spread of totals overall. */
function SummaryCharts({ rows, titles }: { rows: Rolled[]; titles: Map<string, string> }) {
  const language = useLanguage();
  const t = useT();
  const options = useMemo(() => {
    const say: Translate = (text, values) => translate(language, text, values);
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
          name: say('Số đơn vị'),
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
        name: say(name),
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
        name: say(name),
        data: clusters.map((r) => r.summary?.[key] ?? 0),
      })),
    };
    const indicators = rollUpCharts.map((chart) =>
      indicatorChart(chart, clusters, titles, { ...base, tooltip: { trigger: 'axis' } }, say),
    );
    return { distribution, classifications, deadlines, indicators };
  }, [rows, titles, language]);
  return (
    <section className="charts" aria-label={t('Biểu đồ tổng hợp')}>
      <Chart
        name="distribution"
        option={options.distribution}
        label={t('Phân bố tổng điểm các đơn vị (toàn quốc)')}
      />
      <Chart
        name="classifications"
        option={options.classifications}
        label={t('Số đơn vị theo xếp loại, từng cụm')}
      />
      <Chart
        name="deadlines"
        option={options.deadlines}
        label={t('Đúng hạn, nộp muộn và chưa nộp, từng cụm')}
      />
      {options.indicators.map(
        (chart) =>
          chart.count > 0 && (
            <Chart
              key={chart.name}
              name={chart.name}
              option={chart.option}
              height={chart.height}
              label={chart.label}
            />
          ),
      )}
    </section>
  );
}

/** How an indicator was rolled up, in Vietnamese; an average says how many units it is over. */
function rollUpName({ rollUp, reported }: IndicatorRollUp, t: Translate): string {
  if (rollUp === 'AVERAGE')
    return t('Trung bình ({count} đơn vị)', { count: formatCount(reported) });
  if (rollUp === 'YES_COUNT') return t('Số đơn vị trả lời có');
  return t('Tổng');
}

/** The figure to show: a yes/no as "n / m đơn vị", a whole sum whole, else to hundredths. */
function rollUpFigure({ rollUp, reported, value }: IndicatorRollUp, t: Translate): string {
  if (rollUp === 'YES_COUNT') {
    return t('{yes} / {reported} đơn vị', {
      yes: formatDecimal(value, 0),
      reported: formatCount(reported),
    });
  }
  // A sum of counts comes as `8941.00`: shown whole unless it has a real fraction.
  const whole = rollUp === 'SUM' && /^-?\d+(\.0+)?$/.test(value);
  return formatDecimal(value, whole ? 0 : 2);
}

/** Every indicator over all clusters, rolled up the way its scheme says. */
function IndicatorRollUps({
  indicators,
  titles,
}: {
  indicators: IndicatorRollUp[];
  titles: Map<string, string>;
}) {
  const t = useT();
  if (indicators.length === 0) return null;
  return (
    <table className="indicator-rollups">
      <caption>{t('Các chỉ tiêu toàn quốc')}</caption>
      <thead>
        <tr>
          <th>{t('Chỉ tiêu')}</th>
          <th>{t('Cách tổng hợp')}</th>
          <th className="number">{t('Số liệu')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((indicator) => (
          <tr key={indicator.code} data-indicator={indicator.code}>
            <td className="title">
              {titles.get(indicator.code) ?? indicator.code}{' '}
              <span className="muted">({indicator.code})</span>
            </td>
            <td className="kind">{rollUpName(indicator, t)}</td>
            <td className="number figure">{rollUpFigure(indicator, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The central board's roll-up of a period: each cluster of its year, then all of them together. */
export function SummaryPage({ period }: { period: string }) {
  const t = useT();
  const periodName = usePeriodName();
  const clusters = useQuery<ClustersQuery>('Clusters', { year: periodYear(period), first: 100 });
  const listed = useMemo(
    () => clusters.data?.clusters.edges.map(({ node }) => node) ?? null,
    [clusters.data],
  );
  const rows = useSummaries(period, listed);
  const titles = useMemo(() => indicatorTitles(rows ?? []), [rows]);
  if (clusters.loading && clusters.data === null) return <Loading what="danh sách cụm" />;
  if (clusters.error !== null) return <ErrorBox error={clusters.error} />;
  return (
    <div className="summary">
      <h1>{t('Tổng hợp · {period}', { period: periodName(period) })}</h1>
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
                <th>{t('Cụm')}</th>
                <th className="number">{t('Đơn vị')}</th>
                <th className="number">{t('Đúng hạn')}</th>
                <th className="number">{t('Nộp muộn')}</th>
                <th className="number">{t('Chưa nộp')}</th>
                <th className="number">{t('Tổng điểm')}</th>
                <th className="number">{t('Điểm bình quân')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ code, name, summary, error }) => (
                <tr
                  key={code ?? 'all'}
                  className={code === null ? 'overall' : undefined}
                  data-cluster={code ?? 'all'}
                >
                  <th scope="row">{code === null ? t(name) : name}</th>
                  {error !== null ? (
                    <td colSpan={6}>
                      <ErrorBox error={error} />
                    </td>
                  ) : summary === null ? (
                    <td colSpan={6} className="muted">
                      {t('Chưa có số liệu')}
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
            titles={titles}
          />
          <SummaryCharts rows={rows} titles={titles} />
        </>
      )}
    </div>
  );
}
