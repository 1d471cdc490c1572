import { useSyncExternalStore } from 'react';

/** The bearer token of this browser tab's session: kept until sign-out or the tab closes. */
const key = 'thidua.token';
const listeners = new Set<() => void>();

export const currentToken = (): string | null => sessionStorage.getItem(key);

export function setToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, token);
  for (const listener of listeners) listener();
}

export function useToken(): string | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentToken);
}
