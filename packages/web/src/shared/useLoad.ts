import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What a screen loads when it mounts: `data` is null until the first answer and keeps the last
 * one; `error` is the last load's, cleared by the next success; `loading` while a load runs.
 * `reload()` asks again (after a change, or the 最新の情報に更新 button) and resolves to the new
 * data, or undefined when the load failed. `load` may be a fresh closure each render: the
 * latest one is called.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(load);
  latest.current = load;

  const reload = useCallback(async (): Promise<T | undefined> => {
    setLoading(true);
    try {
      const next = await latest.current();
      setData(next);
      setError(null);
      return next;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, setData, error, loading, reload };
}
