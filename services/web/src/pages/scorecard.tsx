import type { ClusterInfo, CriterionPoints, Me, Scheme, Scorecard } from '../api-types.ts';
import { Download } from '../download.tsx';
import {
  classificationName,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatDecimal,
  formatFormula,
  periodYear,
} from '../format.ts';
import { useLanguage, usePeriodName, useT, type Translate } from '../i18n.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';
import { ReviewForm } from './review.tsx';

const methodNames: Record<string, string> = {
  TARGET: 'So với chỉ tiêu',
  BANDS: 'Theo mức',
  YES_NO: 'Có/Không',
  SELF_ASSESSED: 'Tự chấm',
  RELATIVE: 'So sánh trong cụm',
  COUNT: 'Theo số lượng',
};

const inputNames: Record<string, string> = {
  value: 'Giá trị',
  pointsPerItem: 'Điểm mỗi đơn vị',
  target: 'Chỉ tiêu|mức',
  targetSource: 'Nguồn chỉ tiêu',
  direction: 'Chiều so sánh',
  thresholdReached: 'Mức đạt',
  bestValue: 'Tốt nhất cụm',
  scoreUsed: 'Điểm dùng',
  selfScore: 'Điểm tự chấm',
  reviewedScore: 'Điểm thẩm định',
  valueUsed: 'Giá trị dùng',
  submittedValue: 'Đơn vị nộp',
};

const inputWords: Record<string, string> = {
  HIGHER_IS_BETTER: 'cao hơn là tốt hơn',
  LOWER_IS_BETTER: 'thấp hơn là tốt hơn',
  self: 'tự chấm',
  reviewed: 'thẩm định',
  'scheme default': 'mặc định của bảng điểm',
  pledge: 'đăng ký giao ước',
};

/** A figure written the Vietnamese way (in English too); a word in the language. */
function inputValue(value: unknown, t: Translate): string {
  if (typeof value === 'string') {
    if (/^-?\d+(\.\d+)?$/.test(value)) return formatDecimal(value, value.includes('.') ? 2 : 0);
    const word = inputWords[value];
    return word === undefined ? value : t(word);
  }
  return JSON.stringify(value);
}

/** A criterion's inputs as the API gives them, named and written in the language. */
function Inputs({ inputs }: { inputs: unknown }) {
  const t = useT();
  if (inputs === null || typeof inputs !== 'object') return <>{JSON.stringify(inputs)}</>;
  const nameOf = (name: string) => t(inputNames[name] ?? name);
  return (
    <dl className="inputs">
      {Object.entries(inputs).map(([name, value]) => (
        <div key={name}>
          <dt>{nameOf(name)}</dt>
          <dd>{inputValue(value, t)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The kinds of evidence file the gateway takes, by their short names. */
const fileKinds: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** A criterion's evidence files (minh chứng), each saved through the gateway with the token. */
function EvidenceFiles({
  files,
  nameOf,
}: {
  files: CriterionPoints['evidence'];
  nameOf: (code: string) => string;
}) {
  if (files.length === 0) return <span className="muted">–</span>;
  return (
    <ul className="evidence">
      {files.map((file) => (
        <li key={file.id} data-evidence={file.id}>
          <Download path={file.href} label={file.fileName} fallbackName={file.fileName} />{' '}
          <span className="muted">
            {fileKinds[file.mediaType] ?? file.mediaType}, {formatFileSize(file.sizeBytes)} ·{' '}
            {nameOf(file.uploadedBy)}, {formatDateTime(file.uploadedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A unit's scorecard: each criterion's inputs, formula and points, then the totals. */
export function ScorecardPage({
  me,
  cluster,
  period,
  unit,
}: {
  me: Me;
  cluster: string;
  period: string;
  unit: string;
}) {
  const t = useT();
  const language = useLanguage();
  const periodName = usePeriodName();
  const card = useQuery<{ scorecard: Scorecard | null }>('Scorecard', { unit, period });
  const scheme = useQuery<{ scheme: Scheme | null }>('Scheme', { cluster, period });
  const clusterInfo = useQuery<{ cluster: ClusterInfo | null }>('Cluster', {
    code: cluster,
    year: periodYear(period),
  });
  const members = new Map(clusterInfo.data?.cluster?.members.map((m) => [m.unitCode, m.name]));
  const unitName = members.get(unit);
  /** A reviewer or returner: the board, or a member unit by its name. */
  const nameOf = (code: string) =>
    code === 'central' ? t('Ban Tổ chức Trung ương') : (members.get(code) ?? code);
  if (card.loading && card.data === null) return <Loading what="bảng điểm" />;
  if (card.error !== null) return <ErrorBox error={card.error} />;
  const scorecard = card.data?.scorecard;
  if (scorecard == null) return <p>{t('Chưa có bảng điểm: đơn vị chưa nộp báo cáo kỳ này.')}</p>;
  // The lead and deputies review other members' self-scores; the API decides in the end.
  const reviews =
    unit !== me.unitCode &&
    me.roles.some(
      (r) => r.clusterCode === cluster && r.year === periodYear(period) && r.role !== 'MEMBER',
    );
  const indicatorTitles = new Map(
    (scheme.data?.scheme?.indicators ?? []).map((i) => [i.code, i.title]),
  );
  const titles = new Map(
    (scheme.data?.scheme?.headings ?? []).flatMap((h) => h.criteria.map((c) => [c.code, c.title])),
  );
  return (
    <div className="scorecard">
      <h1>
        {t('Bảng điểm · {unit} · {period}', { unit: unitName ?? unit, period: periodName(period) })}
      </h1>
      <p className="actions no-print">
        <Link to={`/ky/${cluster}/${period}/phien-ban/${unit}`}>
          {t('Các phiên bản báo cáo (phiên bản {version} đang tính)', {
            version: scorecard.submissionVersion,
          })}
        </Link>
        {(unit === me.unitCode || me.central) && (
          <Link to={`/don-vi/${unit}/lich-su`}>{t('Lịch sử qua các năm')}</Link>
        )}
        <button type="button" onClick={() => window.print()}>
          {t('In')}
        </button>
      </p>
      {scorecard.returned !== null && (
        <div className="banner returned" role="note">
          <strong>{t('Báo cáo bị trả lại để giải trình')}</strong>:{' '}
          {t('{reason} · bởi {by} lúc {at}. Báo cáo vẫn được tính cho đến khi đơn vị nộp lại.', {
            reason: scorecard.returned.reason,
            by: nameOf(scorecard.returned.returnedBy),
            at: formatDateTime(scorecard.returned.returnedAt),
          })}
        </div>
      )}
      {scorecard.paperReport !== null && (
        <p className="paper-report" role="note">
          {t('Do {by} ghi nhận từ báo cáo giấy nhận ngày {date}.', {
            by: nameOf(scorecard.paperReport.recordedBy),
            date: formatDate(scorecard.paperReport.receivedAt),
          })}
        </p>
      )}
      <table className="totals">
        <tbody>
          <tr>
            <th>{t('Tổng điểm')}</th>
            <td className="number total">{formatDecimal(scorecard.total)}</td>
          </tr>
          <tr>
            <th>{t('Điểm các tiêu chí')}</th>
            <td className="number">{formatDecimal(scorecard.criteriaSum)}</td>
          </tr>
          <tr>
            <th>{t('Điểm thưởng')}</th>
            <td className="number">{formatDecimal(scorecard.bonus)}</td>
          </tr>
          <tr>
            <th>{t('Điểm trừ')}</th>
            <td className="number">{formatDecimal(scorecard.deductions)}</td>
          </tr>
          <tr>
            <th>{t('Trừ do nộp muộn')}</th>
            <td className="number">{formatDecimal(scorecard.lateness)}</td>
          </tr>
          <tr>
            <th>{t('Xếp loại')}</th>
            <td>{t(classificationName(scorecard.classification))}</td>
          </tr>
          <tr>
            <th>{t('Thời hạn')}</th>
            <td>{t(scorecard.onTime ? 'Nộp đúng hạn' : 'Nộp muộn')}</td>
          </tr>
        </tbody>
      </table>
      <table className="criteria">
        <thead>
          <tr>
            <th>{t('Tiêu chí')}</th>
            <th>{t('Cách tính')}</th>
            <th>{t('Số liệu')}</th>
            <th>{t('Công thức')}</th>
            <th className="number">{t('Điểm / tối đa')}</th>
            <th>{t('Minh chứng')}</th>
            {reviews && <th className="no-print">{t('Thẩm định')}</th>}
          </tr>
        </thead>
        <tbody>
          {scorecard.criteria.map((criterion) => (
            <tr key={criterion.code} data-criterion={criterion.code}>
              <td>
                <strong>{criterion.code}</strong> {titles.get(criterion.code) ?? ''}
              </td>
              <td>{t(methodNames[criterion.method] ?? criterion.method)}</td>
              <td>
                <Inputs inputs={criterion.inputs} />
              </td>
              <td className="formula" title={criterion.formula}>
                {formatFormula(criterion.formula, language)}
              </td>
              <td className="number">
                {formatDecimal(criterion.points)} / {formatDecimal(criterion.maxPoints)}
              </td>
              <td>
                <EvidenceFiles files={criterion.evidence} nameOf={nameOf} />
              </td>
              {reviews && (
                <td className="no-print">
                  {criterion.method === 'SELF_ASSESSED' && (
                    <ReviewForm
                      unit={unit}
                      period={period}
                      criterion={criterion.code}
                      onCounted={card.reload}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {scorecard.reviewedIndicators.length > 0 && (
        <table className="reviewed-indicators">
          <caption>
            {t('Số liệu đã được thẩm định (thay số liệu đơn vị nộp khi tính điểm)')}
          </caption>
          <thead>
            <tr>
              <th>{t('Chỉ tiêu')}</th>
              <th className="number">{t('Đơn vị nộp')}</th>
              <th className="number">{t('Giá trị thẩm định')}</th>
              <th>{t('Lý do')}</th>
              <th>{t('Người thẩm định')}</th>
            </tr>
          </thead>
          <tbody>
            {scorecard.reviewedIndicators.map((r) => (
              <tr key={r.indicator} data-indicator={r.indicator}>
                <td>
                  {indicatorTitles.get(r.indicator) ?? r.indicator}{' '}
                  <span className="muted">({r.indicator})</span>
                </td>
                <td className="number submitted">{inputValue(r.submittedValue, t)}</td>
                <td className="number reviewed">{inputValue(r.reviewedValue, t)}</td>
                <td className="reason">{r.reason}</td>
                <td>{nameOf(r.reviewer)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
