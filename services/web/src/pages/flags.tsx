import { useState, type SyntheticEvent } from 'react';
import type { FieldProblem } from '../api-types.ts';
import { refusalOfError, refusalTexts, request } from '../client.ts';
import { formatDecimal } from '../format.ts';
import { sayIn, useLanguage, useT, type Bilingual } from '../i18n.ts';
import { parseVietnameseDecimal } from '../input.ts';
import { ErrorBox, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

interface FlaggedValue {
  unitCode: string;
  indicator: string;
  value: string;
  reviewed: boolean;
  reasonVi: string;
}

type Refusal =
  | { __typename: 'ValidationError'; fields: FieldProblem[]; message: string; messageVi: string }
  | {
      __typename: 'ConflictError' | 'ForbiddenError' | 'NotFoundError';
      message: string;
      messageVi: string;
    };

type ReviewIndicatorResult = { __typename: 'IndicatorReviewed' } | Refusal;
type ReturnSubmissionResult = { __typename: 'SubmissionReturned' } | Refusal;

/** From one flag: set a reviewed value with a reason, or return the submission with a reason. */
function FlagActions({
  flag,
  period,
  onDone,
}: {
  flag: FlaggedValue;
  period: string;
  onDone: (doneVi: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const [sending, setSending] = useState(false);
  const id = `flag-${flag.unitCode}-${flag.indicator}`;

  async function run(action: 'review' | 'return', event?: SyntheticEvent) {
    event?.preventDefault();
    setSending(true);
    setProblems([]);
    try {
      if (action === 'review') {
        const { reviewIndicator: result } = await request<{
          reviewIndicator: ReviewIndicatorResult;
        }>('ReviewIndicator', {
          unitCode: flag.unitCode,
          periodId: period,
          indicator: flag.indicator,
          reviewedValue: parseVietnameseDecimal(value),
          reason,
        });
        if (result.__typename === 'IndicatorReviewed') {
          onDone(
            t('Đã thẩm định {indicator} của {unit}', {
              indicator: flag.indicator,
              unit: flag.unitCode,
            }),
          );
        } else setProblems(refusalTexts(result));
      } else {
        const { returnSubmission: result } = await request<{
          returnSubmission: ReturnSubmissionResult;
        }>('ReturnSubmission', { unitCode: flag.unitCode, periodId: period, reason });
        if (result.__typename === 'SubmissionReturned') {
          onDone(t('Đã trả báo cáo của {unit} để giải trình', { unit: flag.unitCode }));
        } else setProblems(refusalTexts(result));
      }
    } catch (error) {
      setProblems([refusalOfError(error)]);
    }
    setSending(false);
  }

  return (
    <form
      className="review no-print"
      aria-label={t('Xử lý {unit} {indicator}', { unit: flag.unitCode, indicator: flag.indicator })}
      onSubmit={(event) => void run('review', event)}
    >
      <label htmlFor={`${id}-value`}>{t('Giá trị thẩm định')}</label>
      <input
        id={`${id}-value`}
        inputMode="decimal"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <label htmlFor={`${id}-reason`}>{t('Lý do')}</label>
      <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={sending}>
        {t('Thẩm định số liệu')}
      </button>
      <button type="button" disabled={sending} onClick={() => void run('return')}>
        {t('Trả lại để giải trình|nút')}
      </button>
      {problems.length > 0 && (
        <span className="field-error" role="alert">
          {problems.map((problem) => sayIn(language, problem)).join('; ')}
        </span>
      )}
    </form>
  );
}

/** The counted values far outside the cluster's others, for its lead, deputies and the board. */
export function FlaggedValues({ cluster, period }: { cluster: string; period: string }) {
  const t = useT();
  const flags = useQuery<{ flaggedValues: FlaggedValue[] }>('FlaggedValues', { cluster, period });
  const [done, setDone] = useState<string | null>(null);
  if (flags.loading && flags.data === null) return <Loading what="số liệu bất thường" />;
  if (flags.error !== null) return <ErrorBox error={flags.error} />;
  const rows = flags.data?.flaggedValues ?? [];
  return (
    <section className="flags" aria-label={t('Số liệu bất thường')}>
      <h2>{t('Số liệu bất thường cần kiểm tra')}</h2>
      {done !== null && (
        <p role="status" className="done">
          {done}
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('Không có số liệu nào khác xa các đơn vị còn lại.')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('Đơn vị')}</th>
              <th>{t('Chỉ tiêu')}</th>
              <th className="number">{t('Giá trị')}</th>
              <th>{t('Lý do cảnh báo')}</th>
              <th className="no-print">{t('Xử lý')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((flag) => (
              <tr key={`${flag.unitCode}/${flag.indicator}`} data-flag={flag.indicator}>
                <td>{flag.unitCode}</td>
                <td>{flag.indicator}</td>
                <td className="number">
                  {formatDecimal(flag.value, flag.value.includes('.') ? 2 : 0)}
                  {flag.reviewed && <span className="muted"> {t('(đã thẩm định)')}</span>}
                </td>
                <td>{flag.reasonVi}</td>
                <td className="no-print">
                  <FlagActions
                    flag={flag}
                    period={period}
                    onDone={(message) => {
                      setDone(message);
                      flags.reload();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
