import type { ClusterInfo, PeriodInfo } from '../api-types.ts';
import type { SubmissionsQuery } from '../operations.generated.ts';
import { formatDateTime, periodName, periodYear } from '../format.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

const reviewerName = (code: string) => (code === 'central' ? 'Ban Tổ chức Trung ương' : code);

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
        Các phiên bản báo cáo · {unitName ?? unit} · {periodName(period)}
      </h1>
      <p className="muted">
        {deadline !== null && <>Hạn nộp {formatDateTime(deadline)} · </>}
        {versions.data.submissions.totalCount} phiên bản ·{' '}
        <Link to={`/ky/${cluster}/${period}/bang-diem/${unit}`}>Bảng điểm</Link>
      </p>
      {nodes.length === 0 ? (
        <p>Đơn vị chưa nộp báo cáo kỳ này.</p>
      ) : (
        <table className="versions-table">
          <thead>
            <tr>
              <th className="number">Phiên bản</th>
              <th>Thời điểm nộp</th>
              <th>Thời hạn</th>
              <th>Trả lại để giải trình</th>
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
                    {node.version === latest && <span className="badge open">đang tính</span>}
                  </td>
                  <td>{formatDateTime(node.submittedAt)}</td>
                  <td className="timeliness">
                    {onTime === null ? (
                      '–'
                    ) : onTime ? (
                      <span className="badge open">Đúng hạn</span>
                    ) : (
                      <span className="badge late">Nộp muộn</span>
                    )}
                  </td>
                  <td>
                    {node.returned === null
                      ? ''
                      : `${node.returned.reason} · ${reviewerName(node.returned.returnedBy)} lúc ${formatDateTime(node.returned.returnedAt)}`}
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
