import { tryParseHundredths } from './hundredths.ts';
import type { Criterion, Indicator, Scheme } from './scheme.ts';

/** One reason a submission is refused; `path` points at the offending field. */
export interface SubmissionProblem {
  path: string;
  message: string;
  messageVi: string;
}

/** Exact hundredths of a non-negative decimal, or null when it is not one. */
function hundredths(value: string): bigint | null {
  const parsed = tryParseHundredths(value);
  return parsed !== null && parsed >= 0n ? parsed : null;
}

function has(record: Readonly<Record<string, string>>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** Why a value is refused, in both languages. */
export type ValueProblem = Omit<SubmissionProblem, 'path'>;

/**
 * Why `text` cannot be a value of `indicator`, or null when it can. `methods` are the criterion
 * methods that use the indicator: a YES_NO criterion takes only 0 or 1, a COUNT one only whole
 * numbers, whatever the indicator's own kind.
 */
function valueProblem(
  indicator: Indicator,
  methods: ReadonlySet<Criterion['method']> | undefined,
  text: string,
): ValueProblem | null {
  const { code } = indicator;
  const value = hundredths(text);
  if (value === null) {
    return {
      message: `"${text}" is not a non-negative decimal with at most 2 decimals`,
      messageVi: `"${text}" không phải là số không âm có tối đa 2 chữ số thập phân`,
    };
  }
  if (
    (indicator.kind === 'YES_NO' || methods?.has('YES_NO') === true) &&
    value !== 0n &&
    value !== 100n
  ) {
    return {
      message: `Indicator "${code}" must be 0 (no) or 1 (yes), got ${text}`,
      messageVi: `Chỉ tiêu "${code}" chỉ nhận giá trị 0 (không) hoặc 1 (có), đã nhập ${text}`,
    };
  }
  if (indicator.kind === 'PERCENT' && value > 100_00n) {
    return {
      message: `Indicator "${code}" is a percentage and cannot exceed 100, got ${text}`,
      messageVi: `Chỉ tiêu "${code}" là tỷ lệ phần trăm, không được vượt quá 100, đã nhập ${text}`,
    };
  }
  if ((indicator.kind === 'COUNT' || methods?.has('COUNT') === true) && value % 100n !== 0n) {
    return {
      message: `Indicator "${code}" is a count and must be a whole number, got ${text}`,
      messageVi: `Chỉ tiêu "${code}" là số lượng, phải là số nguyên, đã nhập ${text}`,
    };
  }
  const maxValue = hundredths(indicator.maxValue);
  if (maxValue !== null && value > maxValue) {
    return {
      message: `Indicator "${code}" cannot plausibly exceed ${indicator.maxValue} (the scheme's maxValue), got ${text}`,
      messageVi: `Chỉ tiêu "${code}" không thể vượt quá ${indicator.maxValue} (giá trị tối đa hợp lý trong bảng chấm điểm), đã nhập ${text}`,
    };
  }
  return null;
}

/** The criterion methods that use each indicator of a scheme. */
function methodsOfIndicators(scheme: Scheme): Map<string, Set<Criterion['method']>> {
  const methodsByIndicator = new Map<string, Set<Criterion['method']>>();
  for (const criterion of scheme.headings.flatMap((heading) => heading.criteria)) {
    if (criterion.method === 'SELF_ASSESSED') continue;
    const methods = methodsByIndicator.get(criterion.indicator) ?? new Set();
    methods.add(criterion.method);
    methodsByIndicator.set(criterion.indicator, methods);
  }
  return methodsByIndicator;
}

/**
 * Why `text` cannot be a value of the scheme's indicator `code` (a submitted or a reviewed one), or
 * null when it can: a non-negative decimal with at most 2 decimals, 0 or 1 for a yes/no, whole for
 * a count, at most 100 for a percentage, and never above the indicator's plausible maximum
 * `maxValue` (SCORING.md §5).
 */
export function indicatorValueProblem(
  scheme: Scheme,
  code: string,
  text: string,
): ValueProblem | null {
  const indicator = scheme.indicators.find((candidate) => candidate.code === code);
  if (indicator === undefined) {
    return {
      message: `Indicator "${code}" is not in scheme ${scheme.code}`,
      messageVi: `Chỉ tiêu "${code}" không có trong bảng chấm điểm ${scheme.code}`,
    };
  }
  return valueProblem(indicator, methodsOfIndicators(scheme).get(code), text);
}

/**
 * The refusal rules of SCORING.md §5 that depend on the scheme, every reason listed: unknown codes,
 * missing required values, values out of range (`indicatorValueProblem`: a value above the
 * indicator's plausible maximum `maxValue` too), self-scores above their criterion's maximum. The
 * decimal format is zod's job; a value that still is not a decimal is reported rather than thrown.
 *
 * Required are the indicators some criterion uses (others only feed the summaries) and the
 * self-score of every SELF_ASSESSED criterion. A value must be 0 or 1 when its indicator is a
 * YES_NO indicator or feeds a YES_NO criterion, and whole when it is a COUNT indicator or feeds a
 * COUNT criterion, since those methods are defined only for such values.
 */
export function validateSubmission(
  scheme: Scheme,
  indicators: Readonly<Record<string, string>>,
  selfScores: Readonly<Record<string, string>>,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const criteria = scheme.headings.flatMap((heading) => heading.criteria);
  const criteriaByCode = new Map(criteria.map((criterion) => [criterion.code, criterion]));
  const indicatorsByCode = new Map(
    scheme.indicators.map((indicator) => [indicator.code, indicator]),
  );
  const methodsByIndicator = methodsOfIndicators(scheme);

  for (const code of Object.keys(indicators)) {
    if (!indicatorsByCode.has(code)) {
      problems.push({
        path: `indicators.${code}`,
        message: `Indicator "${code}" is not in scheme ${scheme.code}`,
        messageVi: `Chỉ tiêu "${code}" không có trong bảng chấm điểm ${scheme.code}`,
      });
    }
  }

  for (const code of Object.keys(selfScores)) {
    const criterion = criteriaByCode.get(code);
    if (criterion === undefined) {
      problems.push({
        path: `selfScores.${code}`,
        message: `Criterion ${code} is not in scheme ${scheme.code}`,
        messageVi: `Tiêu chí ${code} không có trong bảng chấm điểm ${scheme.code}`,
      });
    } else if (criterion.method !== 'SELF_ASSESSED') {
      problems.push({
        path: `selfScores.${code}`,
        message: `Criterion ${code} is not self-assessed, so it takes no self-score`,
        messageVi: `Tiêu chí ${code} không phải tiêu chí tự chấm điểm, không nhận điểm tự chấm`,
      });
    }
  }

  for (const indicator of scheme.indicators) {
    const methods = methodsByIndicator.get(indicator.code);
    const path = `indicators.${indicator.code}`;
    if (!has(indicators, indicator.code)) {
      if (methods !== undefined) {
        problems.push({
          path,
          message: `A value for indicator "${indicator.code}" is required`,
          messageVi: `Thiếu giá trị của chỉ tiêu "${indicator.code}" (${indicator.title})`,
        });
      }
      continue;
    }
    const text = indicators[indicator.code] ?? '';
    const refused = valueProblem(indicator, methods, text);
    if (refused !== null) problems.push({ path, ...refused });
  }

  for (const criterion of criteria) {
    if (criterion.method !== 'SELF_ASSESSED') continue;
    const path = `selfScores.${criterion.code}`;
    if (!has(selfScores, criterion.code)) {
      problems.push({
        path,
        message: `A self-score for criterion ${criterion.code} is required`,
        messageVi: `Thiếu điểm tự chấm của tiêu chí ${criterion.code} (${criterion.title})`,
      });
      continue;
    }
    const text = selfScores[criterion.code] ?? '';
    const score = hundredths(text);
    const max = hundredths(criterion.maxPoints);
    if (score === null) {
      problems.push({
        path,
        message: `"${text}" is not a non-negative decimal with at most 2 decimals`,
        messageVi: `"${text}" không phải là số không âm có tối đa 2 chữ số thập phân`,
      });
    } else if (max !== null && score > max) {
      problems.push({
        path,
        message: `Self-score ${text} exceeds the maximum ${criterion.maxPoints} of criterion ${criterion.code}`,
        messageVi: `Điểm tự chấm ${text} vượt quá điểm tối đa ${criterion.maxPoints} của tiêu chí ${criterion.code}`,
      });
    }
  }

  return problems;
}
