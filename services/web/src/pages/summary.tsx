import { formatCount, formatDecimal, periodName, periodYear } from '../format.ts';
import { ErrorBox, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

interface PeriodSummary {
  members: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  totalSum: string;
  averageTotal: string | null;
}

function SummaryRow({
  period,
  cluster,
  name,
}: {
  period: string;
  cluster: string | null;
  name: string;
}) {
  const summary = useQuery<{ summary: PeriodSummary | null }>('Summary', {
    period,
    ...(cluster === null ? {} : { cluster }),
  });
  const found = summary.data?.summary;
  return (
    <tr className={cluster === null ? 'overall' : undefined} data-cluster={cluster ?? 'all'}>
      <th scope="row">{name}</th>
      {summary.error !== null ? (
        <td colSpan={6}>
          <ErrorBox error={summary.error} />
        </td>
      ) : found == null ? (
        <td colSpan={6} className="muted">
          {summary.loading ? 'Đang tải…' : 'Chưa có số liệu'}
        </td>
      ) : (
        <>
          <td className="number">{formatCount(found.members)}</td>
          <td className="number">{formatCount(found.onTime)}</td>
          <td className="number">{formatCount(found.late)}</td>
          <td className="number">{formatCount(found.missing)}</td>
          <td className="number">{formatDecimal(found.totalSum)}</td>
          <td className="number">{formatDecimal(found.averageTotal)}</td>
        </>
      )}
    </tr>
  );
}

interface ClustersPage {
  clusters: { edges: { node: { code: string; name: string } }[] };
}

/** The central board's roll-up of a period: each cluster of its year, then all of them together. */
export function SummaryPage({ period }: { period: string }) {
  const clusters = useQuery<ClustersPage>('Clusters', { year: periodYear(period), first: 100 });
  if (clusters.loading && clusters.data === null) return <Loading what="danh sách cụm" />;
  if (clusters.error !== null) return <ErrorBox error={clusters.error} />;
  return (
    <div className="summary">
      <h1>Tổng hợp · {periodName(period)}</h1>
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
          {clusters.data?.clusters.edges.map(({ node }) => (
            <SummaryRow key={node.code} period={period} cluster={node.code} name={node.name} />
          ))}
          <SummaryRow period={period} cluster={null} name="Toàn quốc" />
        </tbody>
      </table>
    </div>
  );
}
