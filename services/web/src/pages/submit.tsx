import { useEffect, useState, type SyntheticEvent } from 'react';
import type { Me, Scheme, SchemeIndicator, Scorecard, SubmitResultsResult } from '../api-types.ts';
import { ApiError, request } from '../client.ts';
import { classificationName, formatDateTime, formatDecimal, periodName } from '../format.ts';
import { parseVietnameseDecimal } from '../input.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

const kindRange: Record<SchemeIndicator['kind'], string> = {
  COUNT: 'số nguyên, từ 0',
  DECIMAL: 'số, từ 0',
  PERCENT: 'phần trăm, từ 0 đến 100',
  YES_NO: 'có hoặc không',
};

function rangeOf(indicator: SchemeIndicator): string {
  // A yes/no or a percentage says its range already.
  const max =
    indicator.maxValue === undefined || indicator.kind === 'YES_NO' || indicator.kind === 'PERCENT'
      ? ''
      : `, tối đa ${formatDecimal(indicator.maxValue, 0)}`;
  return `${kindRange[indicator.kind]}${max}`;
}

const fieldId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;

function FieldError({ path, problems }: { path: string; problems: Map<string, string[]> }) {
  const messages = problems.get(path);
  if (messages === undefined) return null;
  return (
    <span className="field-error" id={`${fieldId(path)}-error`} role="alert">
      {messages.join('; ')}
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
  problems: Map<string, string[]>;
}) {
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
          <option value="">– chọn –</option>
          <option value="1">Có</option>
          <option value="0">Không</option>
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
        {indicator.kind === 'PERCENT' ? '%' : ''} ({rangeOf(indicator)})
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
        Tổng điểm <strong>{formatDecimal(scorecard.total)}</strong> · xếp loại{' '}
        {classificationName(scorecard.classification)}.
      </p>
    );
  }
  return (
    <p role="status">
      {gaveUp ? 'Bảng điểm chưa được tính xong; hãy xem lại sau.' : 'Đang tính điểm…'}
    </p>
  );
}

type Outcome =
  | { kind: 'accepted'; version: number; submittedAt: string; onTime: boolean }
  | { kind: 'refused'; messageVi: string; unplaced: string[] };

/** The submission form of a period, built from the cluster's scheme. */
export function SubmitPage({ me, cluster, period }: { me: Me; cluster: string; period: string }) {
  const scheme = useQuery<{ scheme: Scheme | null }>('Scheme', { cluster, period });
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);

  if (me.unitCode === null) return <p>Chỉ đơn vị mới nộp báo cáo.</p>;
  if (scheme.loading) return <Loading what="bảng chấm điểm" />;
  if (scheme.error !== null) return <ErrorBox error={scheme.error} />;
  const found = scheme.data?.scheme;
  if (found == null) return <p>Cụm chưa có bảng chấm điểm cho kỳ này.</p>;
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
        const byPath = new Map<string, string[]>();
        const fields = result.__typename === 'ValidationError' ? result.fields : [];
        for (const field of fields)
          byPath.set(field.path, [...(byPath.get(field.path) ?? []), field.messageVi]);
        const known = new Set([
          ...found.indicators.map((i) => `indicators.${i.code}`),
          ...selfAssessed.map((c) => `selfScores.${c.code}`),
        ]);
        setProblems(byPath);
        setOutcome({
          kind: 'refused',
          messageVi: result.messageVi,
          unplaced: fields.filter((f) => !known.has(f.path)).map((f) => f.messageVi),
        });
      }
    } catch (error) {
      setFailure(
        error instanceof ApiError ? error : new ApiError(String(error), 'Đã có lỗi xảy ra'),
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="submission" onSubmit={(event) => void submit(event)} noValidate>
      <h1>
        Báo cáo kết quả · {periodName(period)} <span className="muted">({cluster})</span>
      </h1>
      <p className="muted">
        {found.title}. Nhập số theo kiểu Việt Nam (dấu phẩy cho phần thập phân, ví dụ 9,04).
      </p>
      {outcome?.kind === 'refused' && (
        <div className="error-box" role="alert">
          <strong>Báo cáo chưa được ghi nhận: {problems.size} trường cần sửa.</strong>
          <p>{outcome.messageVi}</p>
          {outcome.unplaced.length > 0 && (
            <ul>
              {outcome.unplaced.map((m) => (
                <li key={m}>{m}</li>
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
                  <span className="muted">(tối đa {formatDecimal(criterion.maxPoints)} điểm)</span>
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
                  <p className="muted">Dùng chỉ tiêu “{indicator.title}” đã nhập ở trên.</p>
                )}
                {criterion.method === 'SELF_ASSESSED' && (
                  <div className={problems.has(scorePath) ? 'field invalid' : 'field'}>
                    <label htmlFor={fieldId(scorePath)}>Điểm tự chấm</label>
                    <input
                      id={fieldId(scorePath)}
                      inputMode="decimal"
                      value={values[scorePath] ?? ''}
                      aria-invalid={problems.has(scorePath)}
                      aria-describedby={`${fieldId(scorePath)}-error`}
                      onChange={(event) => set(scorePath)(event.target.value)}
                    />
                    <span className="hint">tối đa {formatDecimal(criterion.maxPoints)}</span>
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
          <legend>Chỉ tiêu khác</legend>
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
          <strong>Đã ghi nhận báo cáo phiên bản {outcome.version}</strong>
          <p>
            Nộp lúc {formatDateTime(outcome.submittedAt)} ·{' '}
            {outcome.onTime ? 'đúng hạn' : 'nộp muộn'} ·{' '}
            <Link to={`/ky/${cluster}/${period}/bang-diem/${unitCode}`}>xem bảng điểm</Link>
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
          {sending ? 'Đang gửi…' : 'Gửi báo cáo'}
        </button>
      </div>
    </form>
  );
}
