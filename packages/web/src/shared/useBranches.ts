import { useEffect, useState } from 'react';

export interface Branch {
  code: string;
  name: string;
}

/**
 * The bank's branches for a 取扱店 select: the first one is chosen once they arrive, unless the
 * screen has already chosen one. `load` must be stable (a module-level API function).
 */
export function useBranches(load: () => Promise<Branch[]>, onError: (error: unknown) => void) {
  const [branches, setBranches] = useState<Branch[]>([]);
  const [branchCode, setBranchCode] = useState('');
  useEffect(() => {
    load().then((list) => {
      setBranches(list);
      setBranchCode((code) => code || list[0]?.code || '');
    }, onError);
  }, [load, onError]);
  return { branches, branchCode, setBranchCode };
}

/** A branch as a select option: its code, then its name (「001 本店」). */
export const branchOption = (b: Branch) => ({ value: b.code, label: `${b.code} ${b.name}` });
