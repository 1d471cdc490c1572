import type { ClusterInfo, PeriodInfo } from '../api-types.ts';
import type { SubmissionsQuery } from '../operations.generated.ts';
import { formatDateTime, periodYear } from '../format.ts';
import { usePeriodName, useT } from '../i18n.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

/**
 * Every version a unit sent for a period, oldest first: when, whether before the deadline (as it
 * stands now: lateness is measured from a moved deadline too), and any return for explanation.
 * The latest version is the one that counts.
 */
export function VersionsPage({
  cluster,
  period,
  unit,
}: {
  cluster: string;
  period: string;
  unit: string;
}) {
  const t = useT();
  const periodName = usePeriodName();
  const versions = useQuery<SubmissionsQuery>('Submissions', { unit, period });
  const periodInfo = useQuery<{ period: PeriodInfo | null }>('Period', { cluster, id: period });
  const clusterInfo = useQuery<{ cluster: ClusterInfo | null }>('Cluster', {
    code: cluster,
    year: periodYear(period),
  });
  const unitName = clusterInfo.data?.cluster?.members.find((m) => m.unitCode === unit)?.name;
  const refusal = versions.error ?? periodInfo.error;
  if (refusal !== null) return <ErrorBox error={refusal} />;
  if (versions.data === null || periodInfo.data === null) {
    return <Loading what="các phiên bản báo cáo" />;
  }
  const deadline = periodInfo.data.period?.deadline ?? null;
  const nodes = versions.data.submissions.edges.map((e) => e.node);
  const latest = nodes.at(-1)?.version;
  return (
    <div className="versions">
      <h1>
        {t('Các phiên bản báo cáo · {unit} · {period}', {
          unit: unitName ?? unit,
          period: periodName(period),
        })}
      </h1>
      <p className="muted">
        {deadline !== null && (
          <>
            {t('Hạn nộp')} {formatDateTime(deadline)} ·{' '}
          </>
        )}
        {t('{count} phiên bản', { count: versions.data.submissions.totalCount })} ·{' '}
        <Link to={`/ky/${cluster}/${period}/bang-diem/${unit}`}>{t('Bảng điểm')}</Link>
      </p>
      {nodes.length === 0 ? (
        <p>{t('Đơn vị chưa nộp báo cáo kỳ này.')}</p>
      ) : (
        <table className="versions-table">
          <thead>
            <tr>
              <th className="number">{t('Phiên bản')}</th>
              <th>{t('Thời điểm nộp')}</th>
              <th>{t('Thời hạn')}</th>
              <th>{t('Trả lại để giải trình')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => {
              const onTime =
                deadline === null ? null : Date.parse(node.submittedAt) <= Date.parse(deadline);
              return (
                <tr
                  key={node.version}
                  data-version={node.version}
                  className={node.version === latest ? 'counted' : undefined}
                >
                  <td className="number">
                    {node.version}
                    {node.version === latest && (
                      <span className="badge open">{t('đang tính')}</span>
                    )}
                  </td>
                  <td>{formatDateTime(node.submittedAt)}</td>
                  <td className="timeliness">
                    {onTime === null ? (
                      '–'
                    ) : onTime ? (
                      <span className="badge open">{t('Đúng hạn')}</span>
                    ) : (
                      <span className="badge late">{t('Nộp muộn')}</span>
                    )}
                  </td>
                  <td>
                    {node.returned === null
                      ? ''
                      : t('{reason} · {by} lúc {at}', {
                          reason: node.returned.reason,
                          by:
                            node.returned.returnedBy === 'central'
                              ? t('Ban Tổ chức Trung ương')
                              : node.returned.returnedBy,
                          at: formatDateTime(node.returned.returnedAt),
                        })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
