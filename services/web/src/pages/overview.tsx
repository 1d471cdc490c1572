import type { PeriodInfo } from '../api-types.ts';
import { formatCount, formatCountdown, formatDateTime, vietnameseCollator } from '../format.ts';
import { countdownIn, useLanguage, usePeriodName, useT } from '../i18n.ts';
import { ErrorBox, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';
import { FlaggedValues } from './flags.tsx';

interface OverviewEntry {
  unitCode: string;
  unitName: string;
  status: 'RANKED' | 'NOT_SUBMITTED';
  submittedAt: string | null;
}

type Standing = 'ON_TIME' | 'LATE' | 'MISSING' | 'WAITING';

const standingNames: Record<Standing, string> = {
  ON_TIME: 'Đã nộp đúng hạn',
  LATE: 'Nộp muộn',
  MISSING: 'Chưa nộp, đã quá hạn',
  WAITING: 'Chưa nộp',
};

/** Where a unit stands against the deadline: lateness counts from the deadline in force. */
function standingOf(entry: OverviewEntry, deadline: Date, now: Date): Standing {
  if (entry.status === 'RANKED' && entry.submittedAt !== null) {
    return new Date(entry.submittedAt) > deadline ? 'LATE' : 'ON_TIME';
  }
  return now > deadline ? 'MISSING' : 'WAITING';
}

/** A cluster's period at a glance, for its lead and deputies: who has reported, who is late or missing. */
export function OverviewPage({ cluster, period }: { cluster: string; period: string }) {
  const t = useT();
  const language = useLanguage();
  const periodName = usePeriodName();
  const overview = useQuery<{
    period: PeriodInfo | null;
    ranking: { entries: OverviewEntry[] } | null;
  }>('PeriodOverview', { cluster, period });
  if (overview.loading && overview.data === null) return <Loading what="tình hình nộp báo cáo" />;
  if (overview.error !== null) return <ErrorBox error={overview.error} />;
  const info = overview.data?.period;
  if (info == null) return <p>{t('Cụm không có kỳ này.')}</p>;
  const deadline = new Date(info.deadline);
  const now = new Date();
  const rows = [...(overview.data?.ranking?.entries ?? [])]
    .map((entry) => ({ ...entry, standing: standingOf(entry, deadline, now) }))
    .sort((a, b) => vietnameseCollator.compare(a.unitName, b.unitName));
  const count = (standing: Standing) => rows.filter((r) => r.standing === standing).length;
  const countdown = formatCountdown(deadline, now);
  return (
    <div className="overview">
      <h1>
        {t('Tình hình nộp báo cáo · {period}', { period: periodName(period) })}{' '}
        <span className="muted">({cluster})</span>
      </h1>
      <p>
        {t('Hạn nộp')} {formatDateTime(info.deadline)} ·{' '}
        {info.status === 'OPEN'
          ? t('kỳ đang mở, {countdown}', { countdown: countdownIn(language, countdown.text) })
          : t('kỳ đã đóng')}
      </p>
      <ul className="counts" aria-label={t('Số đơn vị')}>
        <li>
          <strong>{formatCount(count('ON_TIME'))}</strong> {t('đúng hạn')}
        </li>
        <li>
          <strong>{formatCount(count('LATE'))}</strong> {t('nộp muộn')}
        </li>
        <li>
          <strong>{formatCount(count('MISSING') + count('WAITING'))}</strong> {t('chưa nộp')}
        </li>
        <li>
          <strong>{formatCount(rows.length)}</strong> {t('đơn vị')}
        </li>
      </ul>
      <table>
        <thead>
          <tr>
            <th>{t('Đơn vị')}</th>
            <th>{t('Tình trạng')}</th>
            <th>{t('Nộp lúc')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.unitCode}
              data-unit={row.unitCode}
              className={`standing-${row.standing.toLowerCase()}`}
            >
              <td>{row.unitName}</td>
              <td>{t(standingNames[row.standing])}</td>
              <td>{formatDateTime(row.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FlaggedValues cluster={cluster} period={period} />
    </div>
  );
}
