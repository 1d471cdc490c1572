import { describe, expect, test } from 'vitest';
import { parseEvent } from '../src/catalogue.ts';

const closed = {
  id: '7b0c8f8e-2f5d-4c53-9a43-0d3b1f1c2a10',
  type: 'PeriodClosed',
  version: 1,
  occurredAt: '2026-07-15T18:00:00+07:00',
  source: 'gateway',
  clusterCode: 'cum-2',
  causationId: null,
  data: { periodId: '2026-H1' },
};
const parsed = (event: object) => parseEvent('contest', JSON.stringify(event));

describe("the envelope's actor", () => {
  test('an event without an actor (derived, or appended before it existed) still parses', () => {
    expect(parsed(closed)).toMatchObject({ ok: true });
    expect(parsed({ ...closed, actor: null })).toMatchObject({ ok: true });
  });

  test('keeps who acted: the board by its role, a unit by its role and code', () => {
    const board = { role: 'CENTRAL', subject: 'board@btctw' };
    const lead = { role: 'UNIT', subject: 'staff@ha-tinh', unitCode: 'ha-tinh' };
    expect(parsed({ ...closed, actor: board })).toMatchObject({
      ok: true,
      event: { actor: board },
    });
    expect(parsed({ ...closed, actor: lead })).toMatchObject({ ok: true, event: { actor: lead } });
  });

  test('refuses a unit called "central", a unit without a code and an empty subject', () => {
    for (const actor of [
      { role: 'UNIT', subject: 'staff@central', unitCode: 'central' },
      { role: 'UNIT', subject: 'staff@ha-tinh' },
      { role: 'CENTRAL', subject: '' },
      { role: 'BOARD', subject: 'x' },
    ]) {
      expect(parsed({ ...closed, actor })).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^invalid envelope: actor/) as string,
      });
    }
  });
});
