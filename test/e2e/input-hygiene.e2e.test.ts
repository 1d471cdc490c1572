import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openContest, submissionVariables } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import { testScheme } from '../support/scheme.ts';
import { startSystem, type GraphqlResponse, type RunningSystem } from '../support/system.ts';

const year = 2026;
const periodId = `${year}-H1`;
interface FieldProblem {
  path: string;
  message: string;
  messageVi: string;
}

/** The mutation's result: its type name and, for a ValidationError, the offending fields. */
function resultOf(response: GraphqlResponse, field: string) {
  expect(response.errors).toBeUndefined();
  return (response.data as Record<string, { __typename: string; fields?: FieldProblem[] }>)[field];
}

describe('names and reasons through the gateway', () => {
  let system: RunningSystem;

  const defineCluster = (clusterCode: string, name: string, members: object[]) =>
    system.graphql(operationDocument('DefineCluster'), {
      clusterCode,
      name,
      year,
      lead: 'h1',
      members,
    });

  const addBonus = (reason: string) =>
    system.graphql(
      operationDocument('AddBonus'),
      { unitCode: 'h2', periodId, points: '1', reason },
      'h1',
    );

  const submit = (indicators: Record<string, string>) =>
    system.graphql(
      operationDocument('SubmitResults'),
      submissionVariables('h2', periodId, indicators, { '1.2': '40' }),
      'h2',
    );

  beforeAll(async () => {
    system = await startSystem();
    await openContest(system, {
      clusterCode: 'cum-h',
      name: 'Cụm H',
      year,
      members: [
        { unitCode: 'h1', name: 'H1' },
        { unitCode: 'h2', name: 'H2' },
      ],
      lead: 'h1',
      scheme: testScheme(year, { code: 'hygiene-scheme' }),
      periodId,
    });
    // Bonuses and reviews are for a unit that has submitted.
    expect(resultOf(await submit({ admitted: '10' }), 'submitResults')).toMatchObject({
      __typename: 'SubmissionAccepted',
    });
  });

  afterAll(async () => {
    await system.stop();
  });

  test("refuses a lone surrogate in defineCluster's member name as a ValidationError, and defines nothing", async () => {
    const response = await defineCluster('cum-x', 'Cụm X', [{ unitCode: 'x1', name: 'X\uD800' }]);
    expect(resultOf(response, 'defineCluster')).toMatchObject({
      __typename: 'ValidationError',
      fields: [
        {
          path: 'members.0.name',
          message: 'may not contain a lone surrogate (half of a UTF-16 pair, not a character)',
          messageVi: 'Không được chứa nửa cặp thay thế UTF-16 đứng riêng (không phải một ký tự)',
        },
      ],
    });
    const { data } = await system.graphql(operationDocument('Clusters'), { year });
    expect(JSON.stringify(data)).not.toContain('cum-x');
  });

  test('refuses control characters and bidirectional controls in cluster and member names', async () => {
    const response = await defineCluster('cum-y', 'Cụm\u0007Y', [
      { unitCode: 'y1', name: 'Y1\u202E' },
    ]);
    expect(resultOf(response, 'defineCluster')?.fields).toEqual([
      {
        path: 'name',
        message: 'may not contain the control character U+0007',
        messageVi: 'Không được chứa ký tự điều khiển U+0007',
      },
      {
        path: 'members.0.name',
        message:
          'may not contain the bidirectional control U+202E, which can make text display in another order than it is stored',
        messageVi:
          'Không được chứa ký tự điều khiển hướng văn bản U+202E, vì nó có thể làm văn bản hiển thị khác thứ tự được lưu',
      },
    ]);
  });

  test('refuses a reason made only of a zero-width space', async () => {
    expect(resultOf(await addBonus('\u200B'), 'addBonus')).toMatchObject({
      __typename: 'ValidationError',
      fields: [
        {
          path: 'reason',
          message:
            'a reason is required: it may not be empty or only spaces and invisible characters',
          messageVi: 'Cần nêu lý do: không được để trống hoặc chỉ gồm khoảng trắng, ký tự ẩn',
        },
      ],
    });
  });

  test('refuses a bidirectional override in the reason of a bonus and of a review', async () => {
    const bidi = (response: GraphqlResponse, field: string) =>
      resultOf(response, field)?.fields?.find((f) => f.path === 'reason')?.message;
    expect(bidi(await addBonus('mô hình \u202Egnaos\u202C mới'), 'addBonus')).toMatch(
      /^may not contain the bidirectional control U\+202E/,
    );
    const review = await system.graphql(
      operationDocument('ReviewScore'),
      {
        unitCode: 'h2',
        periodId,
        criterion: '1.2',
        reviewedScore: '40',
        reason: 'đạt \u2066yêu cầu\u2069',
      },
      'h1',
    );
    expect(resultOf(review, 'reviewScore')?.__typename).toBe('ValidationError');
    expect(bidi(review, 'reviewScore')).toMatch(
      /^may not contain the bidirectional control U\+2066/,
    );
  });

  test('accepts a reason over several lines', async () => {
    expect(resultOf(await addBonus('Mô hình mới:\n\t- chuyển đổi số'), 'addBonus')).toMatchObject({
      __typename: 'AdjustmentAdded',
    });
  });

  test('refuses an indicator named __proto__ as it refuses constructor, naming the field', async () => {
    for (const code of ['__proto__', 'constructor']) {
      expect(
        resultOf(await submit({ admitted: '10', [code]: '1' }), 'submitResults'),
      ).toMatchObject({
        __typename: 'ValidationError',
        fields: [
          {
            path: `indicators.${code}`,
            message: `Indicator "${code}" is not in scheme hygiene-scheme`,
            messageVi: `Chỉ tiêu "${code}" không có trong bảng chấm điểm hygiene-scheme`,
          },
        ],
      });
    }
  });
});
