import { useState, type SyntheticEvent } from 'react';
import type { FieldProblem, Scorecard } from '../api-types.ts';
import { refusalOfError, refusalTexts, request } from '../client.ts';
import { sayIn, useLanguage, useT, type Bilingual } from '../i18n.ts';
import { parseVietnameseDecimal } from '../input.ts';

type ReviewScoreResult =
  | { __typename: 'ScoreReviewed'; criterion: string; reviewedScore: string }
  | { __typename: 'ValidationError'; fields: FieldProblem[]; message: string; messageVi: string }
  | {
      __typename: 'ConflictError' | 'ForbiddenError' | 'NotFoundError';
      message: string;
      messageVi: string;
    };

/** Asks for the scorecard until it counts the reviewed score (scoring runs behind Kafka). */
async function untilCounted(unit: string, period: string, criterion: string, score: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { scorecard } = await request<{ scorecard: Scorecard | null }>('Scorecard', {
      unit,
      period,
    });
    const inputs = scorecard?.criteria.find((c) => c.code === criterion)?.inputs as
      { reviewedScore?: string } | undefined;
    if (inputs?.reviewedScore !== undefined && Number(inputs.reviewedScore) === Number(score)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The lead's or a deputy's review (thẩm định) of one self-assessed criterion, with its reason. */
export function ReviewForm({
  unit,
  period,
  criterion,
  onCounted,
}: {
  unit: string;
  period: string;
  criterion: string;
  onCounted: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [score, setScore] = useState('');
  const [reason, setReason] = useState('');
  /** the API's refusals, in both languages */
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const [state, setState] = useState<'idle' | 'sending' | 'counting'>('idle');
  const id = `review-${criterion.replace(/\W/g, '-')}`;

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    setState('sending');
    setProblems([]);
    try {
      const reviewedScore = parseVietnameseDecimal(score);
      const { reviewScore: result } = await request<{ reviewScore: ReviewScoreResult }>(
        'ReviewScore',
        { unitCode: unit, periodId: period, criterion, reviewedScore, reason },
      );
      if (result.__typename === 'ScoreReviewed') {
        setState('counting');
        await untilCounted(unit, period, criterion, result.reviewedScore);
        setState('idle');
        onCounted();
        return;
      }
      setProblems(refusalTexts(result));
    } catch (error) {
      setProblems([refusalOfError(error)]);
    }
    setState('idle');
  }

  return (
    <form
      className="review no-print"
      onSubmit={(event) => void send(event)}
      aria-label={t('Thẩm định {criterion}', { criterion })}
    >
      <label htmlFor={`${id}-score`}>{t('Điểm thẩm định')}</label>
      <input
        id={`${id}-score`}
        inputMode="decimal"
        value={score}
        onChange={(event) => setScore(event.target.value)}
      />
      <label htmlFor={`${id}-reason`}>{t('Lý do')}</label>
      <input
        id={`${id}-reason`}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" disabled={state !== 'idle'}>
        {t(
          state === 'sending'
            ? 'Đang gửi…'
            : state === 'counting'
              ? 'Đang tính lại điểm…'
              : 'Thẩm định',
        )}
      </button>
      {problems.length > 0 && (
        <span className="field-error" role="alert">
          {problems.map((p) => sayIn(language, p)).join('; ')}
        </span>
      )}
    </form>
  );
}
