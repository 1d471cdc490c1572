import { describe, expect, test } from 'vitest';
import { formatHundredths } from '../src/hundredths.ts';
import { computeLateness } from '../src/rules/lateness.ts';

const deadline = '2023-07-10T17:00:00+07:00';
const defaults = { latePointsPerDay: '1', latePointsCap: '5' };

describe('computeLateness', () => {
  const rows = [
    {
      name: 'is on time when submitted exactly at the deadline',
      submittedAt: '2023-07-10T17:00:00+07:00',
      rates: defaults,
      periods: 0,
      points: '0.00',
    },
    {
      name: 'is on time when submitted at the deadline instant written in UTC',
      submittedAt: '2023-07-10T10:00:00Z',
      rates: defaults,
      periods: 0,
      points: '0.00',
    },
    {
      name: 'is on time when submitted one second before the deadline',
      submittedAt: '2023-07-10T16:59:59+07:00',
      rates: defaults,
      periods: 0,
      points: '0.00',
    },
    {
      name: 'is on time when submitted days before the deadline',
      submittedAt: '2023-07-01T08:00:00+07:00',
      rates: defaults,
      periods: 0,
      points: '0.00',
    },
    {
      name: 'counts one period when submitted one millisecond after the deadline',
      submittedAt: '2023-07-10T17:00:00.001+07:00',
      rates: defaults,
      periods: 1,
      points: '1.00',
    },
    {
      name: 'counts one period when submitted one second after the deadline',
      submittedAt: '2023-07-10T17:00:01+07:00',
      rates: defaults,
      periods: 1,
      points: '1.00',
    },
    {
      name: 'counts one period when one second late is written in UTC',
      submittedAt: '2023-07-10T10:00:01Z',
      rates: defaults,
      periods: 1,
      points: '1.00',
    },
    {
      name: 'counts one period when submitted after local midnight, seven hours late',
      submittedAt: '2023-07-11T00:00:00+07:00',
      rates: defaults,
      periods: 1,
      points: '1.00',
    },
    {
      name: 'counts one period when submitted exactly 24 hours after the deadline',
      submittedAt: '2023-07-11T17:00:00+07:00',
      rates: defaults,
      periods: 1,
      points: '1.00',
    },
    {
      name: 'counts two periods when submitted 24 hours and one second after the deadline',
      submittedAt: '2023-07-11T17:00:01+07:00',
      rates: defaults,
      periods: 2,
      points: '2.00',
    },
    {
      name: 'counts five periods at exactly the cap',
      submittedAt: '2023-07-15T17:00:00+07:00',
      rates: defaults,
      periods: 5,
      points: '5.00',
    },
    {
      name: 'caps the points when six periods have started',
      submittedAt: '2023-07-15T17:00:01+07:00',
      rates: defaults,
      periods: 6,
      points: '5.00',
    },
    {
      name: 'caps the points a month late',
      submittedAt: '2023-08-10T17:00:00+07:00',
      rates: defaults,
      periods: 31,
      points: '5.00',
    },
    {
      name: 'uses the scheme rate per day under its cap',
      submittedAt: '2023-07-13T09:00:00+07:00',
      rates: { latePointsPerDay: '0.5', latePointsCap: '2' },
      periods: 3,
      points: '1.50',
    },
    {
      name: 'uses the scheme cap above the rate per day',
      submittedAt: '2023-07-15T09:00:00+07:00',
      rates: { latePointsPerDay: '0.5', latePointsCap: '2' },
      periods: 5,
      points: '2.00',
    },
    {
      name: 'still counts the period when the rate per day is 0',
      submittedAt: '2023-07-10T17:00:01+07:00',
      rates: { latePointsPerDay: '0', latePointsCap: '5' },
      periods: 1,
      points: '0.00',
    },
  ];
  test.each(rows)('$name', ({ submittedAt, rates, periods, points }) => {
    const lateness = computeLateness(deadline, submittedAt, rates);
    expect(lateness.periods).toBe(periods);
    expect(formatHundredths(lateness.points)).toBe(points);
  });

  const badRows = [
    {
      name: 'throws for a deadline that is not an instant',
      deadline: 'tomorrow',
      submittedAt: deadline,
    },
    { name: 'throws for a submission time that is not an instant', deadline, submittedAt: '' },
  ];
  test.each(badRows)('$name', (row) => {
    expect(() => computeLateness(row.deadline, row.submittedAt, defaults)).toThrow(RangeError);
  });
});
