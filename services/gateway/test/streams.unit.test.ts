import { createPubSub } from 'graphql-yoga';
import { expect, test } from 'vitest';
import { StreamSlots, untilExpiry } from '../src/streams.ts';

test('a subject holds at most its share of slots; a slot freed twice counts once', () => {
  const slots = new StreamSlots(2);
  const first = slots.take('staff@ha-tinh');
  const second = slots.take('staff@ha-tinh');
  expect(first).not.toBeNull();
  expect(second).not.toBeNull();
  expect(slots.take('staff@ha-tinh')).toBeNull();
  expect(slots.take('staff@nghe-an')).not.toBeNull();
  first?.();
  first?.();
  expect(slots.take('staff@ha-tinh')).not.toBeNull();
  expect(slots.take('staff@ha-tinh')).toBeNull();
});

test('a stream delivers until its expiry, then ends and frees its slot, delivering nothing after', async () => {
  const pubSub = createPubSub<{ change: [number] }>();
  let freed = 0;
  const stream = untilExpiry(pubSub.subscribe('change'), Date.now() + 300, () => {
    freed += 1;
  });
  const first = stream.next();
  await new Promise((resolve) => setTimeout(resolve, 20));
  pubSub.publish('change', 1);
  expect(await first).toEqual({ done: false, value: 1 });

  const pending = stream.next();
  await new Promise((resolve) => setTimeout(resolve, 400));
  pubSub.publish('change', 2);
  expect(await pending).toEqual({ done: true, value: undefined });
  expect(await stream.next()).toEqual({ done: true, value: undefined });
  expect(freed).toBe(1);
});

test('a client leaving ends a waiting stream at once and frees its slot', async () => {
  const pubSub = createPubSub<{ change: [number] }>();
  let freed = 0;
  const stream = untilExpiry(pubSub.subscribe('change'), Date.now() + 60_000, () => {
    freed += 1;
  });
  const pending = stream.next();
  await stream.return?.();
  expect(await pending).toEqual({ done: true, value: undefined });
  expect(freed).toBe(1);
});
