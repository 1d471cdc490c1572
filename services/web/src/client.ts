import hashes from 'virtual:persisted-operations';
import { bothLanguages, type Bilingual } from './i18n.ts';
import { currentToken } from './session.ts';

/** A refusal or failure to show the user, in Vietnamese first. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly messageVi: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** What a failed request says: the API's refusal, or that something went wrong. */
export const refusalOfError = (error: unknown): Bilingual =>
  error instanceof ApiError ? error : bothLanguages('Đã có lỗi xảy ra');

/** A refused mutation's texts: each refused field's, or the refusal's own. */
export const refusalTexts = (
  refusal: Bilingual & { __typename: string; fields?: readonly Bilingual[] },
): Bilingual[] =>
  refusal.__typename === 'ValidationError' &&
  refusal.fields !== undefined &&
  refusal.fields.length > 0
    ? [...refusal.fields]
    : [refusal];

interface GraphqlError {
  message: string;
  extensions?: { code?: string; messageVi?: string };
}

/** The Vietnamese of a GraphQL error: its `messageVi`, else the part in brackets after the English. */
export function vietnameseOf(error: GraphqlError): string {
  if (typeof error.extensions?.messageVi === 'string') return error.extensions.messageVi;
  const bracketed = /\(([^()]+)\)\s*$/.exec(error.message);
  return bracketed?.[1] ?? error.message;
}

function toApiError(errors: GraphqlError[]): ApiError {
  const first = errors[0] ?? { message: 'unknown error' };
  return new ApiError(first.message, vietnameseOf(first), first.extensions?.code ?? null);
}

function requestInit(operation: string, variables: object, accept: string): RequestInit {
  const hash = hashes[operation];
  if (hash === undefined) throw new Error(`no persisted operation ${operation}`);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept };
  const token = currentToken();
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return {
    method: 'POST',
    headers,
    body: JSON.stringify({
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    }),
  };
}

/** Runs a persisted operation of schema/graphql/operations, sent by its sha256. */
export async function request<T>(operation: string, variables: object = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', requestInit(operation, variables, 'application/json'));
  } catch {
    throw new ApiError('the server cannot be reached', 'Không kết nối được máy chủ');
  }
  let body: { data?: T | null; errors?: GraphqlError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(
      `the server answered ${response.status}`,
      `Máy chủ trả lời lỗi ${response.status}`,
    );
  }
  if (body.errors !== undefined && body.errors.length > 0) throw toApiError(body.errors);
  if (body.data === undefined || body.data === null) {
    throw new ApiError('empty answer', 'Máy chủ không trả dữ liệu');
  }
  return body.data;
}

/**
 * Follows a persisted subscription over server-sent events until `signal` aborts; each event's
 * data goes to `onData`, a refusal or broken stream to `onError`.
 */
export async function subscribe(
  operation: string,
  variables: object,
  signal: AbortSignal,
  onData: (data: Record<string, unknown>) => void,
  onError: (error: ApiError) => void,
): Promise<void> {
  try {
    const response = await fetch('/graphql', {
      ...requestInit(operation, variables, 'text/event-stream'),
      signal,
    });
    const reader = response.body?.getReader();
    if (reader === undefined) throw new ApiError('no event stream', 'Không mở được luồng cập nhật');
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffered += decoder.decode(chunk.value, { stream: true });
      // Events end with a blank line; a partial one waits for the next chunk.
      const events = buffered.split('\n\n');
      buffered = events.pop() ?? '';
      for (const event of events) {
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5))
          .join('\n');
        if (data === '') continue;
        const payload = JSON.parse(data) as {
          data?: Record<string, unknown> | null;
          errors?: GraphqlError[];
        };
        if (payload.errors !== undefined && payload.errors.length > 0) {
          onError(toApiError(payload.errors));
        } else if (payload.data !== undefined && payload.data !== null) {
          onData(payload.data);
        }
      }
    }
  } catch (error) {
    if (signal.aborted) return;
    onError(
      error instanceof ApiError
        ? error
        : new ApiError('the update stream broke', 'Luồng cập nhật bị ngắt'),
    );
  }
}
