import { GraphQLError } from 'graphql';

/** The longest delay Node's timers take (about 24.8 days); a longer one would fire at once. */
const longestTimer = 2 ** 31 - 1;

/**
 * The streams each identity (a token's subject) holds open on this gateway instance, at most
 * `perSubject` at once: one identity cannot hold an unbounded number of connections.
 */
export class StreamSlots {
  readonly #open = new Map<string, number>();

  constructor(readonly perSubject: number) {}

  /** Streams open now, of every subject. */
  get open(): number {
    let open = 0;
    for (const count of this.#open.values()) open += count;
    return open;
  }

  /** Takes one of `subject`'s slots: the function that frees it, or null when all are taken. */
  take(subject: string): (() => void) | null {
    const open = this.#open.get(subject) ?? 0;
    if (open >= this.perSubject) return null;
    this.#open.set(subject, open + 1);
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      const left = (this.#open.get(subject) ?? 1) - 1;
      if (left === 0) this.#open.delete(subject);
      else this.#open.set(subject, left);
    };
  }
}

/** The refusal of a stream beyond an identity's share. */
export const tooManyStreams = (perSubject: number): GraphQLError =>
  new GraphQLError(
    `at most ${perSubject} streams may be open at once per signed-in identity; close one first ` +
      `(Mỗi người dùng chỉ được mở đồng thời tối đa ${perSubject} luồng theo dõi; hãy đóng bớt một luồng)`,
    { extensions: { code: 'TOO_MANY_STREAMS' } },
  );

/**
 * The items of `source` until `expiresAt` (the expiry of the token that opened the stream), the
 * client leaving, or the end of `source`, whichever comes first; then `ended` runs, once. Nothing
 * is delivered at or after `expiresAt`: the client opens a new stream with a fresh token.
 */
export function untilExpiry<T>(
  source: AsyncIterable<T>,
  expiresAt: number,
  ended: () => void,
): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  let expire = () => {};
  const expired = new Promise<IteratorReturnResult<undefined>>((resolve) => {
    expire = () => {
      resolve(done);
    };
  });
  // A token valid for longer than a timer can wait ends its stream early; the client reconnects.
  const timer = setTimeout(expire, Math.min(Math.max(0, expiresAt - Date.now()), longestTimer));
  let finished = false;
  const finish = async (): Promise<IteratorReturnResult<undefined>> => {
    if (!finished) {
      finished = true;
      clearTimeout(timer);
      expire();
      ended();
      await iterator.return?.();
    }
    return done;
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (finished) return done;
      const result = await Promise.race([iterator.next(), expired]);
      if (result.done === true || Date.now() >= expiresAt) return finish();
      return result;
    },
    return: finish,
  };
}
