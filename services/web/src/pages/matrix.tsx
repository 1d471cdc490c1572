import { useEffect, useState } from 'react';
import type { Scheme, Scorecard, Standings } from '../api-types.ts';
import { ApiError, request } from '../client.ts';
import { Download } from '../download.tsx';
import { classificationName, formatDecimal } from '../format.ts';
import { sayIn, useLanguage, usePeriodName, useT } from '../i18n.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

interface Found {
  card: Scorecard | null;
  error: ApiError | null;
}

type Cards = Map<string, Found>;

/** The scorecards of the ranked units, asked for side by side. */
function useScorecards(period: string, units: string[] | null): Cards | null {
  const [cards, setCards] = useState<Cards | null>(null);
  const key = units === null ? null : units.join(',');
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    void Promise.all(
      (key === '' ? [] : key.split(',')).map(async (unit): Promise<[string, Found]> => {
        try {
          const { scorecard } = await request<{ scorecard: Scorecard | null }>('Scorecard', {
            unit,
            period,
          });
          return [unit, { card: scorecard, error: null }];
        } catch (error) {
          const refusal =
            error instanceof ApiError ? error : new ApiError(String(error), 'Đã có lỗi xảy ra');
          return [unit, { card: null, error: refusal }];
        }
      }),
    ).then((found) => {
      if (!cancelled) setCards(new Map(found));
    });
    return () => {
      cancelled = true;
    };
  }, [period, key]);
  return cards;
}

/**
 * The units × criteria matrix of a cluster's period (for its lead, deputies and the central
 * board): each ranked unit's points per criterion under the scheme's headings, in ranking order,
 * printable on A4 landscape.
 */
export function MatrixPage({ cluster, period }: { cluster: string; period: string }) {
  const t = useT();
  const language = useLanguage();
  const periodName = usePeriodName();
  const ranking = useQuery<{ ranking: Standings | null }>('Ranking', { cluster, period });
  const scheme = useQuery<{ scheme: Scheme | null }>('Scheme', { cluster, period });
  const entries = ranking.data?.ranking?.entries ?? null;
  const ranked = entries?.filter((e) => e.status === 'RANKED').map((e) => e.unitCode) ?? null;
  const cards = useScorecards(period, ranked);
  const refusal = ranking.error ?? scheme.error;
  if (refusal !== null) return <ErrorBox error={refusal} />;
  if (ranking.data === null || scheme.data === null) return <Loading what="ma trận điểm" />;
  const headings = scheme.data.scheme?.headings ?? [];
  if (entries === null || headings.length === 0) {
    return <p>{t('Chưa có số liệu để lập ma trận điểm cho kỳ này.')}</p>;
  }
  const criteria = headings.flatMap((h) => h.criteria);
  // A member may see the ranking but not the others' scorecards: say so once, not on every row.
  const forbidden = [...(cards?.values() ?? [])].find((c) => c.error?.code === 'FORBIDDEN');
  if (forbidden?.error != null) return <ErrorBox error={forbidden.error} />;
  return (
    <div className="matrix">
      <h1>
        {t('Ma trận điểm · {period}', { period: periodName(period) })}{' '}
        <span className="muted">({cluster})</span>
      </h1>
      <p className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('In')}
        </button>
        <Download
          path="/exports/scorecards.xlsx"
          params={{ cluster, period }}
          label={t('Xuất Excel')}
          fallbackName={`bang-diem-${cluster}-${period}.xlsx`}
        />
        <Link to={`/ky/${cluster}/${period}/xep-hang`}>{t('Xếp hạng')}</Link>
      </p>
      {cards === null ? (
        <Loading what="bảng điểm các đơn vị" />
      ) : (
        <div className="matrix-scroll">
          <table className="matrix-table">
            <thead>
              <tr>
                <th rowSpan={2}>{t('Hạng')}</th>
                <th rowSpan={2}>{t('Đơn vị')}</th>
                {headings.map((h) => (
                  <th key={h.code} colSpan={h.criteria.length} className="heading" title={h.title}>
                    {h.code}. {h.title}
                  </th>
                ))}
                <th rowSpan={2} className="number">
                  {t('Thưởng')}
                </th>
                <th rowSpan={2} className="number">
                  {t('Trừ')}
                </th>
                <th rowSpan={2} className="number">
                  {t('Tổng|cột')}
                </th>
                <th rowSpan={2}>{t('Xếp loại')}</th>
              </tr>
              <tr>
                {criteria.map((c) => (
                  <th key={c.code} className="number" title={c.title} data-criterion={c.code}>
                    {c.code}
                    <span className="max">≤ {formatDecimal(c.maxPoints)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const found = cards.get(entry.unitCode);
                const points = new Map(found?.card?.criteria.map((c) => [c.code, c.points]));
                return (
                  <tr key={entry.unitCode} data-unit={entry.unitCode}>
                    <td className="rank">{entry.rank ?? ''}</td>
                    <th scope="row">
                      {entry.status === 'RANKED' ? (
                        <Link to={`/ky/${cluster}/${period}/bang-diem/${entry.unitCode}`}>
                          {entry.unitName}
                        </Link>
                      ) : (
                        entry.unitName
                      )}
                    </th>
                    {found?.card != null ? (
                      <>
                        {criteria.map((c) => (
                          <td key={c.code} className="number" data-criterion={c.code}>
                            {formatDecimal(points.get(c.code))}
                          </td>
                        ))}
                        <td className="number">{formatDecimal(found.card.bonus)}</td>
                        <td className="number">{formatDecimal(found.card.deductions)}</td>
                        <td className="number total">{formatDecimal(found.card.total)}</td>
                        <td>{t(classificationName(found.card.classification))}</td>
                      </>
                    ) : (
                      <td colSpan={criteria.length + 4} className="muted">
                        {found?.error != null
                          ? sayIn(language, found.error)
                          : t('Chưa nộp báo cáo (NOT_SUBMITTED)')}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
