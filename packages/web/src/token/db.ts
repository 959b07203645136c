/**
 * The token's one record in IndexedDB. A CryptoKey is structured-cloneable, so the
 * non-extractable HMAC key is stored as is and can be used but never read out.
 */

export interface StoredToken {
  serial: string;
  hmacKey: CryptoKey;
  /** serverTime - Date.now(), last measured (T8). */
  offsetMs: number;
  activatedAt: number;
  /** The last answer of the public status call (issue 9.10), so that offline it is still shown. */
  registered?: boolean;
}

const dbName = 'kinko-token';
const storeName = 'token';
const recordKey = 'current';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(dbName, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(storeName);
  };
  return promised(request);
}

async function withStore<T>(
  mode: IDBTransactionMode,
  use: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(storeName, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    // If the request fails, the request's error is the one reported; don't leave this unhandled.
    done.catch(() => undefined);
    const result = await promised(use(tx.objectStore(storeName)));
    await done;
    return result;
  } finally {
    db.close();
  }
}

export const tokenStore = {
  get: async (): Promise<StoredToken | null> =>
    ((await withStore('readonly', (s) => s.get(recordKey))) as StoredToken | undefined) ?? null,
  put: async (token: StoredToken): Promise<void> => {
    await withStore('readwrite', (s) => s.put(token, recordKey));
  },
  clear: async (): Promise<void> => {
    await withStore('readwrite', (s) => s.delete(recordKey));
  },
};
