import { useEffect, useState } from 'react';
import type { Me, PeriodInfo, Standings } from '../api-types.ts';
import { subscribe } from '../client.ts';
import { Download } from '../download.tsx';
import {
  classificationName,
  formatDateTime,
  formatDecimal,
  formatMovement,
  parseHanoiDateTime,
  periodYear,
} from '../format.ts';
import { usePeriodName, useT } from '../i18n.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { RevisionsChart } from './ranking-chart.tsx';
import { useQuery } from '../use-query.ts';

/**
 * A cluster's ranking for a period: live while it shows the present (each `rankingChanged`
 * event reloads it), or as it stood at a chosen moment.
 */
export function RankingPage({ me, cluster, period }: { me: Me; cluster: string; period: string }) {
  const t = useT();
  const periodName = usePeriodName();
  const [asOfInput, setAsOfInput] = useState('');
  const [asOf, setAsOf] = useState<string | null>(null);
  const [asOfInvalid, setAsOfInvalid] = useState(false);
  const [live, setLive] = useState(false);
  const periodInfo = useQuery<{ period: PeriodInfo | null }>('Period', { cluster, id: period });
  const ranking = useQuery<{ ranking: Standings | null }>('Ranking', {
    cluster,
    period,
    ...(asOf === null ? {} : { asOf }),
  });
  const { reload } = ranking;
  // Follow the changes only once the API has let the caller see the ranking at all.
  const visible = ranking.data !== null;

  useEffect(() => {
    if (asOf !== null || !visible) return;
    const abort = new AbortController();
    setLive(true);
    void subscribe(
      'RankingChanged',
      { cluster, period },
      abort.signal,
      () => reload(),
      () => setLive(false),
    ).then(() => setLive(false));
    return () => abort.abort();
  }, [cluster, period, asOf, visible, reload]);

  const standings = ranking.data?.ranking;
  const closed = periodInfo.data?.period?.status === 'CLOSED';
  // The lead, deputies and the board open any member's scorecard from the ranking.
  const leads =
    me.central ||
    me.roles.some(
      (r) => r.clusterCode === cluster && r.year === periodYear(period) && r.role !== 'MEMBER',
    );
  const refused = ranking.error !== null;
  return (
    <div className="ranking">
      <h1>
        {t('Xếp hạng · {period}', { period: periodName(period) })}{' '}
        <span className="muted">({cluster})</span>
      </h1>
      {periodInfo.data?.period != null && !refused && (
        <p className={closed ? 'banner official' : 'banner provisional'} role="note">
          {closed
            ? t('Kết quả chính thức: kỳ đã đóng.')
            : t('Kết quả tạm thời: kỳ đang mở đến {deadline}, thứ hạng còn thay đổi.', {
                deadline: formatDateTime(periodInfo.data.period.deadline),
              })}
        </p>
      )}
      {!refused && (
        <form
          className="as-of no-print"
          onSubmit={(event) => {
            event.preventDefault();
            const moment = parseHanoiDateTime(asOfInput);
            setAsOfInvalid(moment === null);
            if (moment !== null) setAsOf(moment);
          }}
        >
          <label htmlFor="as-of">{t('Xem thứ hạng tại thời điểm (giờ Hà Nội)')}</label>
          <input
            id="as-of"
            placeholder="dd/mm/yyyy hh:mm"
            value={asOfInput}
            aria-invalid={asOfInvalid}
            aria-describedby="as-of-error"
            onChange={(event) => setAsOfInput(event.target.value)}
          />
          <button type="submit">{t('Xem')}</button>
          <button
            type="button"
            onClick={() => {
              setAsOf(null);
              setAsOfInput('');
              setAsOfInvalid(false);
            }}
          >
            {t('Hiện tại')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('In')}
          </button>
          <Download
            path="/exports/ranking.xlsx"
            params={{ cluster, period, ...(asOf === null ? {} : { asOf }) }}
            label={t('Xuất Excel')}
            fallbackName={`xep-hang-${cluster}-${period}.xlsx`}
          />
          {leads && (
            <>
              <Link to={`/ky/${cluster}/${period}/ma-tran`}>{t('Ma trận điểm')}</Link>
              <Download
                path="/documents/meeting-minutes.docx"
                params={{ cluster, period }}
                label={t('Tải biên bản')}
                fallbackName={`bien-ban-${cluster}-${period}.docx`}
              />
            </>
          )}
          <span className="live" role="status">
            {asOf !== null
              ? t('Đang xem thứ hạng lúc {moment}', { moment: formatDateTime(asOf) })
              : live
                ? t('● Đang cập nhật trực tiếp')
                : ''}
          </span>
          {asOfInvalid && (
            <span className="field-error" id="as-of-error" role="alert">
              {t('Thời điểm cần viết dạng ngày/tháng/năm giờ:phút, ví dụ 20/12/2023 17:00.')}
            </span>
          )}
        </form>
      )}
      {ranking.loading && standings === undefined && <Loading what="thứ hạng" />}
      {ranking.error !== null && <ErrorBox error={ranking.error} />}
      {ranking.data !== null && standings === null && (
        <p>
          {t(
            asOf === null ? 'Chưa có thứ hạng cho kỳ này.' : 'Chưa có thứ hạng tại thời điểm này.',
          )}
        </p>
      )}
      {standings != null && (
        <>
          <p className="muted">
            {t('Cập nhật lúc {moment} · lần thay đổi thứ', {
              moment: formatDateTime(standings.changedAt),
            })}{' '}
            <span data-testid="revision">{standings.revision}</span>
          </p>
          <table className="standings">
            <thead>
              <tr>
                <th>{t('Hạng')}</th>
                <th>{t('Đơn vị')}</th>
                <th className="number">{t('Tổng điểm')}</th>
                <th className="number">{t('Điểm tiêu chí')}</th>
                <th className="number">{t('Điểm trừ')}</th>
                <th>{t('Xếp loại')}</th>
                <th>{t('Biến động')}</th>
              </tr>
            </thead>
            <tbody>
              {standings.entries.map((entry) => {
                const movement = formatMovement(entry.movement);
                const own = entry.unitCode === me.unitCode;
                return (
                  <tr
                    key={entry.unitCode}
                    className={`${own ? 'own ' : ''}${entry.status === 'RANKED' ? '' : 'not-submitted'}`}
                    data-unit={entry.unitCode}
                  >
                    <td className="rank">{entry.rank ?? ''}</td>
                    <td>
                      {own || (leads && entry.status === 'RANKED') ? (
                        <Link to={`/ky/${cluster}/${period}/bang-diem/${entry.unitCode}`}>
                          {entry.unitName}
                        </Link>
                      ) : (
                        entry.unitName
                      )}
                    </td>
                    {entry.status === 'RANKED' ? (
                      <>
                        <td className="number total">{formatDecimal(entry.total)}</td>
                        <td className="number">{formatDecimal(entry.criteriaSum)}</td>
                        <td className="number">{formatDecimal(entry.deductions)}</td>
                        <td>{t(classificationName(entry.classification))}</td>
                        <td className={`movement ${movement.kind}`} title={movement.label}>
                          {movement.text}
                        </td>
                      </>
                    ) : (
                      <td colSpan={5} className="muted">
                        {t('Chưa nộp báo cáo (NOT_SUBMITTED)')}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <RevisionsChart
            key={`${cluster}/${period}`}
            cluster={cluster}
            period={period}
            latest={standings}
          />
        </>
      )}
    </div>
  );
}
