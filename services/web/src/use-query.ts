import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request } from './client.ts';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs a persisted query when its variables change; `reload` runs it again in place. */
export function useQuery<T>(operation: string, variables: object | null): QueryState<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: variables !== null,
  });
  const [generation, setGeneration] = useState(0);
  const key = variables === null ? null : JSON.stringify(variables);
  const latest = useRef(0);

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    request<T>(operation, JSON.parse(key) as object).then(
      (data) => {
        if (ticket === latest.current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (ticket !== latest.current) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(String(error), 'Đã có lỗi xảy ra');
        setState({ data: null, error: apiError, loading: false });
      },
    );
  }, [operation, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
