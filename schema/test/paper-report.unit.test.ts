import { describe, expect, test } from 'vitest';
import { parseEvent } from '../src/catalogue.ts';

const submitted = {
  id: '7b0c8f8e-2f5d-4c53-9a43-0d3b1f1c2a11',
  type: 'ResultsSubmitted',
  version: 1,
  occurredAt: '2026-12-20T10:00:00+07:00',
  source: 'gateway',
  clusterCode: 'cum-2',
  causationId: null,
  data: {
    unitCode: 'ha-tinh',
    periodId: '2026-FY',
    submissionVersion: 1,
    submittedAt: '2026-12-14T09:00:00+07:00',
    indicators: { newPartyMembersAdmitted: '1250' },
    selfScores: {},
  },
};
const parsed = (event: object) => parseEvent('contest', JSON.stringify(event));

describe('a paper report on ResultsSubmitted', () => {
  test("a unit's own submission, as appended before paper reports existed, still parses", () => {
    const result = parsed(submitted);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && 'paperReport' in result.event.data).toBe(false);
  });

  test('keeps who recorded the paper report and when', () => {
    const paperReport = { recordedBy: 'nghe-an', recordedAt: '2026-12-20T10:00:00+07:00' };
    expect(parsed({ ...submitted, data: { ...submitted.data, paperReport } })).toMatchObject({
      ok: true,
      event: { data: { paperReport } },
    });
  });

  test('refuses a paper report without its recorder or with a malformed moment', () => {
    for (const paperReport of [
      { recordedAt: '2026-12-20T10:00:00+07:00' },
      { recordedBy: 'nghe-an', recordedAt: '20/12/2026' },
    ]) {
      expect(parsed({ ...submitted, data: { ...submitted.data, paperReport } })).toMatchObject({
        ok: false,
      });
    }
  });
});
