import { useEffect, useState } from 'react';
import type { ClusterInfo, Me, PeriodInfo } from '../api-types.ts';
import { Download } from '../download.tsx';
import { countdownIn, useLanguage, usePeriodName, useT } from '../i18n.ts';
import { formatCountdown, formatDateTime, roleName } from '../format.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

/** Ticks once a minute so countdowns stay current. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const periodPath = (cluster: string, periodId: string, page: string) =>
  `/ky/${encodeURIComponent(cluster)}/${encodeURIComponent(periodId)}/${page}`;

function PeriodRow({
  cluster,
  period,
  unitCode,
  leads,
  now,
}: {
  cluster: string;
  period: PeriodInfo;
  unitCode: string | null;
  /** The lead, a deputy or the central board: they follow who has reported. */
  leads: boolean;
  now: Date;
}) {
  const t = useT();
  const language = useLanguage();
  const periodName = usePeriodName();
  const open = period.status === 'OPEN';
  const countdown = formatCountdown(new Date(period.deadline), now);
  return (
    <tr>
      <td>{periodName(period.periodId)}</td>
      <td>{formatDateTime(period.deadline)}</td>
      <td>
        {open ? (
          <span className={countdown.late ? 'badge late' : 'badge open'}>
            {t('Đang mở')} · {countdownIn(language, countdown.text)}
          </span>
        ) : (
          <span className="badge closed">{t('Đã đóng')}</span>
        )}
      </td>
      <td className="actions">
        {open && unitCode !== null && (
          <Link to={periodPath(cluster, period.periodId, 'nop')}>{t('Nộp báo cáo')}</Link>
        )}
        {unitCode !== null && (
          <Link
            to={periodPath(cluster, period.periodId, `bang-diem/${encodeURIComponent(unitCode)}`)}
          >
            {t('Bảng điểm')}
          </Link>
        )}
        <Link to={periodPath(cluster, period.periodId, 'xep-hang')}>{t('Xếp hạng')}</Link>
        {leads && (
          <Link to={periodPath(cluster, period.periodId, 'tong-quan')}>{t('Tổng quan')}</Link>
        )}
        {leads && (
          <Link to={periodPath(cluster, period.periodId, 'ma-tran')}>{t('Ma trận điểm')}</Link>
        )}
      </td>
    </tr>
  );
}

/** One cluster of one year: its periods with deadlines, and where to go from each. */
export function ClusterCard({
  code,
  year,
  role,
  unitCode,
}: {
  code: string;
  year: number;
  role: string | null;
  unitCode: string | null;
}) {
  const now = useNow();
  const t = useT();
  const cluster = useQuery<{ cluster: ClusterInfo | null }>('Cluster', { code, year });
  return (
    <section className="card" aria-label={`${code} ${year}`}>
      {cluster.loading && <Loading what="cụm" />}
      {cluster.error !== null && <ErrorBox error={cluster.error} />}
      {cluster.data?.cluster != null && (
        <>
          <h2>
            {cluster.data.cluster.name} <span className="muted">{t('· năm {year}', { year })}</span>
          </h2>
          <p className="muted">
            {role !== null && <>{t('Vai trò: {role}', { role: t(roleName(role)) })} · </>}
            {t('{count} đơn vị thành viên', { count: cluster.data.cluster.members.length })} ·{' '}
            <Link to={`/khen-thuong/${encodeURIComponent(code)}/${year}`}>
              {t('Khen thưởng năm {year}', { year })}
            </Link>
            {role !== 'MEMBER' && (
              <>
                {' · '}
                <Download
                  path="/documents/award-proposal.docx"
                  params={{ cluster: code, year: String(year) }}
                  label={t('Tải tờ trình khen thưởng')}
                  fallbackName={`to-trinh-khen-thuong-${code}-${year}.docx`}
                />
              </>
            )}
            {role !== 'MEMBER' && (
              <>
                {' · '}
                <Link to={`/quan-ly/${encodeURIComponent(code)}/${year}`}>{t('Quản lý cụm')}</Link>
              </>
            )}
          </p>
          {cluster.data.cluster.periods.length === 0 ? (
            <p>{t('Chưa có kỳ nào.')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('Kỳ')}</th>
                  <th>{t('Hạn nộp')}</th>
                  <th>{t('Trạng thái')}</th>
                  <th>{t('Trang')}</th>
                </tr>
              </thead>
              <tbody>
                {cluster.data.cluster.periods.map((period) => (
                  <PeriodRow
                    key={period.periodId}
                    cluster={code}
                    period={period}
                    unitCode={unitCode}
                    leads={role !== 'MEMBER'}
                    now={now}
                  />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

/** A unit's home: each cluster it belongs to or leads, newest year first. */
export function UnitHome({ me }: { me: Me }) {
  const t = useT();
  const roles = [...me.roles].sort(
    (a, b) => b.year - a.year || a.clusterCode.localeCompare(b.clusterCode),
  );
  return (
    <>
      <h1>{t('Các cụm thi đua của đơn vị')}</h1>
      {me.unitCode !== null && (
        <p className="actions">
          <Link to={`/don-vi/${encodeURIComponent(me.unitCode)}/lich-su`}>
            {t('Lịch sử thi đua qua các năm')}
          </Link>
        </p>
      )}
      {roles.length === 0 && <p>{t('Đơn vị chưa thuộc cụm thi đua nào.')}</p>}
      {roles.map((role) => (
        <ClusterCard
          key={`${role.clusterCode}/${role.year}`}
          code={role.clusterCode}
          year={role.year}
          role={role.role}
          unitCode={me.unitCode}
        />
      ))}
    </>
  );
}

interface ClustersPage {
  clusters: { totalCount: number; edges: { node: { code: string; name: string } }[] };
}

/** The central board's home: every cluster of a chosen year. */
export function CentralHome() {
  const [year, setYear] = useState(2026);
  const t = useT();
  const clusters = useQuery<ClustersPage>('Clusters', { year, first: 100 });
  return (
    <>
      <h1>{t('Các cụm thi đua')}</h1>
      <label className="inline">
        {t('Năm')}{' '}
        <select value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {[2023, 2024, 2025, 2026].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <p className="actions">
        <Link to={`/tong-hop/${year}-H1`}>{t('Tổng hợp 6 tháng đầu năm {year}', { year })}</Link>
        <Link to={`/tong-hop/${year}-FY`}>{t('Tổng hợp cả năm {year}', { year })}</Link>
        <Link to={`/thiet-lap/${year}`}>{t('Thiết lập cụm, cụm trưởng, bảng chấm điểm')}</Link>
      </p>
      {clusters.loading && <Loading what="danh sách cụm" />}
      {clusters.error !== null && <ErrorBox error={clusters.error} />}
      {clusters.data?.clusters.totalCount === 0 && (
        <p>{t('Năm {year} chưa có cụm nào.', { year })}</p>
      )}
      {clusters.data?.clusters.edges.map(({ node }) => (
        <ClusterCard key={node.code} code={node.code} year={year} role={null} unitCode={null} />
      ))}
    </>
  );
}
