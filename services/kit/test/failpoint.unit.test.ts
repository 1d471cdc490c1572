import { describe, expect, test } from 'vitest';
import { commonSettings, ConfigurationError, readEnvironment } from '../src/config.ts';
import { createFailpoint } from '../src/failpoint.ts';

describe('THIDUA_FAILPOINT', () => {
  test('names a point and the hit at which the process dies', () => {
    const env = readEnvironment(commonSettings, { THIDUA_FAILPOINT: 'consumer.after-db-commit:3' });
    expect(env.THIDUA_FAILPOINT).toEqual({
      name: 'consumer.after-db-commit',
      hit: 3,
      action: 'kill',
    });
  });

  test('with :throw, throws at that hit instead of killing', () => {
    const env = readEnvironment(commonSettings, {
      THIDUA_FAILPOINT: 'consumer.in-handler:2:throw',
    });
    expect(env.THIDUA_FAILPOINT).toEqual({ name: 'consumer.in-handler', hit: 2, action: 'throw' });
    const failpoint = createFailpoint(env.THIDUA_FAILPOINT);
    expect(() => failpoint('consumer.in-handler')).not.toThrow();
    expect(() => failpoint('consumer.in-handler')).toThrow('failpoint consumer.in-handler reached');
    expect(() => failpoint('consumer.in-handler')).not.toThrow();
  });

  test('is unset by default', () => {
    expect(readEnvironment(commonSettings, {}).THIDUA_FAILPOINT).toBeUndefined();
  });

  test.each([
    'consumer.nowhere:1',
    'relay.after-send',
    'relay.after-send:0',
    'relay.after-send:x',
    'relay.after-send:1:kill',
  ])('refuses %s', (value) => {
    expect(() => readEnvironment(commonSettings, { THIDUA_FAILPOINT: value })).toThrow(
      ConfigurationError,
    );
  });

  test('armed for one point, does nothing at the others or before its hit', () => {
    const failpoint = createFailpoint({ name: 'relay.after-send', hit: 2, action: 'kill' });
    // The first hit and other points pass; the second hit would kill the test runner.
    expect(() => {
      failpoint('consumer.before-db-commit');
      failpoint('consumer.after-db-commit');
      failpoint('relay.after-send');
    }).not.toThrow();
  });
});
