import { useEffect, useState, type SyntheticEvent } from 'react';
import type {
  FieldProblem,
  Me,
  Scheme,
  SchemeIndicator,
  Scorecard,
  SubmitResultsResult,
} from '../api-types.ts';
import { ApiError, request } from '../client.ts';
import { classificationName, formatDateTime, formatDecimal } from '../format.ts';
import { sayIn, translate, useLanguage, usePeriodName, useT, type Translate } from '../i18n.ts';
import { parseVietnameseDecimal } from '../input.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

const kindRange: Record<SchemeIndicator['kind'], string> = {
  COUNT: 'số nguyên, từ 0',
  DECIMAL: 'số, từ 0',
  PERCENT: 'phần trăm, từ 0 đến 100',
  YES_NO: 'có hoặc không',
};

function rangeOf(indicator: SchemeIndicator, t: Translate): string {
  // A yes/no or a percentage says its range already.
  const max =
    indicator.maxValue === undefined || indicator.kind === 'YES_NO' || indicator.kind === 'PERCENT'
      ? ''
      : t(', tối đa {max}', { max: formatDecimal(indicator.maxValue, 0) });
  return `${t(kindRange[indicator.kind])}${max}`;
}

const fieldId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;

function FieldError({ path, problems }: { path: string; problems: Map<string, FieldProblem[]> }) {
  const language = useLanguage();
  const found = problems.get(path);
  if (found === undefined) return null;
  return (
    <span className="field-error" id={`${fieldId(path)}-error`} role="alert">
      {found.map((p) => sayIn(language, p)).join('; ')}
    </span>
  );
}

function IndicatorInput({
  indicator,
  value,
  onChange,
  problems,
}: {
  indicator: SchemeIndicator;
  value: string;
  onChange: (value: string) => void;
  problems: Map<string, FieldProblem[]>;
}) {
  const t = useT();
  const path = `indicators.${indicator.code}`;
  const id = fieldId(path);
  const invalid = problems.has(path);
  const described = invalid ? `${id}-hint ${id}-error` : `${id}-hint`;
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{indicator.title}</label>
      {indicator.kind === 'YES_NO' ? (
        <select
          id={id}
          value={value}
          aria-invalid={invalid}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('– chọn –')}</option>
          <option value="1">{t('Có')}</option>
          <option value="0">{t('Không')}</option>
        </select>
      ) : (
        <input
          id={id}
          inputMode="decimal"
          value={value}
          aria-invalid={invalid}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <span className="hint" id={`${id}-hint`}>
        {indicator.kind === 'PERCENT' ? '%' : ''} ({rangeOf(indicator, t)})
      </span>
      <FieldError path={path} problems={problems} />
    </div>
  );
}

/**
 * After an accepted submission: waits for the scorecard of that version (scoring runs behind
 * Kafka), showing progress, then its total.
 */
function ScoringProgress({
  unit,
  period,
  version,
}: {
  unit: string;
  period: string;
  version: number;
}) {
  const t = useT();
  const [scorecard, setScorecard] = useState<Scorecard | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    // Set when the page leaves; asked again after each await.
    const run = { stopped: false };
    const active = () => !run.stopped;
    const started = Date.now();
    const poll = async () => {
      while (active() && Date.now() - started < 30_000) {
        try {
          const { scorecard: found } = await request<{ scorecard: Scorecard | null }>('Scorecard', {
            unit,
            period,
          });
          if (found !== null && found.submissionVersion >= version) {
            if (active()) setScorecard(found);
            return;
          }
        } catch {
          // a passing failure: asked again below
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      if (active()) setGaveUp(true);
    };
    void poll();
    return () => {
      run.stopped = true;
    };
  }, [unit, period, version]);
  if (scorecard !== null) {
    return (
      <p data-testid="scored">
        {t('Tổng điểm')} <strong>{formatDecimal(scorecard.total)}</strong> · {t('xếp loại')}{' '}
        {t(classificationName(scorecard.classification))}.
      </p>
    );
  }
  return (
    <p role="status">
      {t(gaveUp ? 'Bảng điểm chưa được tính xong; hãy xem lại sau.' : 'Đang tính điểm…')}
    </p>
  );
}

type Outcome =
  | { kind: 'accepted'; version: number; submittedAt: string; onTime: boolean }
  | { kind: 'refused'; message: string; messageVi: string; unplaced: FieldProblem[] };

/** The submission form of a period, built from the cluster's scheme. */
export function SubmitPage({ me, cluster, period }: { me: Me; cluster: string; period: string }) {
  const t = useT();
  const language = useLanguage();
  const periodName = usePeriodName();
  const scheme = useQuery<{ scheme: Scheme | null }>('Scheme', { cluster, period });
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Map<string, FieldProblem[]>>(new Map());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);

  if (me.unitCode === null) return <p>{t('Chỉ đơn vị mới nộp báo cáo.')}</p>;
  if (scheme.loading) return <Loading what="bảng chấm điểm" />;
  if (scheme.error !== null) return <ErrorBox error={scheme.error} />;
  const found = scheme.data?.scheme;
  if (found == null) return <p>{t('Cụm chưa có bảng chấm điểm cho kỳ này.')}</p>;
  const unitCode = me.unitCode;

  const indicators = new Map(found.indicators.map((i) => [i.code, i]));
  const placed = new Set<string>();
  const selfAssessed = found.headings.flatMap((h) =>
    h.criteria.filter((c) => c.method === 'SELF_ASSESSED'),
  );
  const set = (path: string) => (value: string) => setValues((v) => ({ ...v, [path]: value }));

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (found == null) return;
    setSending(true);
    setFailure(null);
    setOutcome(null);
    try {
      const { submitResults: result } = await request<{ submitResults: SubmitResultsResult }>(
        'SubmitResults',
        {
          unitCode,
          periodId: period,
          indicators: found.indicators.map((i) => ({
            code: i.code,
            value: parseVietnameseDecimal(values[`indicators.${i.code}`] ?? ''),
          })),
          selfScores: selfAssessed.map((c) => ({
            criterion: c.code,
            score: parseVietnameseDecimal(values[`selfScores.${c.code}`] ?? ''),
          })),
        },
      );
      if (result.__typename === 'SubmissionAccepted') {
        setProblems(new Map());
        setOutcome({ kind: 'accepted', ...result });
      } else {
        const byPath = new Map<string, FieldProblem[]>();
        const fields = result.__typename === 'ValidationError' ? result.fields : [];
        for (const field of fields)
          byPath.set(field.path, [...(byPath.get(field.path) ?? []), field]);
        const known = new Set([
          ...found.indicators.map((i) => `indicators.${i.code}`),
          ...selfAssessed.map((c) => `selfScores.${c.code}`),
        ]);
        setProblems(byPath);
        setOutcome({
          kind: 'refused',
          message: result.message,
          messageVi: result.messageVi,
          unplaced: fields.filter((f) => !known.has(f.path)),
        });
      }
    } catch (error) {
      const failed = 'Đã có lỗi xảy ra';
      setFailure(error instanceof ApiError ? error : new ApiError(translate('en', failed), failed));
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="submission" onSubmit={(event) => void submit(event)} noValidate>
      <h1>
        {t('Báo cáo kết quả · {period}', { period: periodName(period) })}{' '}
        <span className="muted">({cluster})</span>
      </h1>
      <p className="muted">
        {found.title}. {t('Nhập số theo kiểu Việt Nam (dấu phẩy cho phần thập phân, ví dụ 9,04).')}
      </p>
      {outcome?.kind === 'refused' && (
        <div className="error-box" role="alert">
          <strong>
            {problems.size === 0
              ? t('Báo cáo chưa được ghi nhận.')
              : t('Báo cáo chưa được ghi nhận: {count} trường cần sửa.', { count: problems.size })}
          </strong>
          <p>{sayIn(language, outcome)}</p>
          {outcome.unplaced.length > 0 && (
            <ul>
              {outcome.unplaced.map((p) => (
                <li key={`${p.path}: ${p.messageVi}`}>{sayIn(language, p)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {found.headings.map((heading) => (
        <fieldset key={heading.code}>
          <legend>
            {heading.code}. {heading.title}
          </legend>
          {heading.criteria.map((criterion) => {
            const indicator =
              criterion.indicator === undefined ? undefined : indicators.get(criterion.indicator);
            const first = indicator !== undefined && !placed.has(indicator.code);
            if (indicator !== undefined) placed.add(indicator.code);
            const scorePath = `selfScores.${criterion.code}`;
            return (
              <div className="criterion" key={criterion.code}>
                <h3>
                  {criterion.code}. {criterion.title}{' '}
                  <span className="muted">
                    {t('(tối đa {points} điểm)', { points: formatDecimal(criterion.maxPoints) })}
                  </span>
                </h3>
                {indicator !== undefined && first && (
                  <IndicatorInput
                    indicator={indicator}
                    value={values[`indicators.${indicator.code}`] ?? ''}
                    onChange={set(`indicators.${indicator.code}`)}
                    problems={problems}
                  />
                )}
                {indicator !== undefined && !first && (
                  <p className="muted">
                    {t('Dùng chỉ tiêu “{indicator}” đã nhập ở trên.', {
                      indicator: indicator.title,
                    })}
                  </p>
                )}
                {criterion.method === 'SELF_ASSESSED' && (
                  <div className={problems.has(scorePath) ? 'field invalid' : 'field'}>
                    <label htmlFor={fieldId(scorePath)}>{t('Điểm tự chấm')}</label>
                    <input
                      id={fieldId(scorePath)}
                      inputMode="decimal"
                      value={values[scorePath] ?? ''}
                      aria-invalid={problems.has(scorePath)}
                      aria-describedby={`${fieldId(scorePath)}-error`}
                      onChange={(event) => set(scorePath)(event.target.value)}
                    />
                    <span className="hint">
                      {t('tối đa {points}', { points: formatDecimal(criterion.maxPoints) })}
                    </span>
                    <FieldError path={scorePath} problems={problems} />
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {found.indicators.some((i) => !placed.has(i.code)) && (
        <fieldset>
          <legend>{t('Chỉ tiêu khác')}</legend>
          {found.indicators
            .filter((i) => !placed.has(i.code))
            .map((indicator) => (
              <IndicatorInput
                key={indicator.code}
                indicator={indicator}
                value={values[`indicators.${indicator.code}`] ?? ''}
                onChange={set(`indicators.${indicator.code}`)}
                problems={problems}
              />
            ))}
        </fieldset>
      )}
      {failure !== null && <ErrorBox error={failure} />}
      {outcome?.kind === 'accepted' && (
        <div className="success-box" role="status">
          <strong>
            {t('Đã ghi nhận báo cáo phiên bản {version}', { version: outcome.version })}
          </strong>
          <p>
            {t('Nộp lúc {moment}', { moment: formatDateTime(outcome.submittedAt) })} ·{' '}
            {t(outcome.onTime ? 'đúng hạn' : 'nộp muộn')} ·{' '}
            <Link to={`/ky/${cluster}/${period}/bang-diem/${unitCode}`}>{t('xem bảng điểm')}</Link>
          </p>
          <ScoringProgress
            key={outcome.version}
            unit={unitCode}
            period={period}
            version={outcome.version}
          />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" disabled={sending}>
          {t(sending ? 'Đang gửi…' : 'Gửi báo cáo')}
        </button>
      </div>
    </form>
  );
}
