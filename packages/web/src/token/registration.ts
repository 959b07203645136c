import { api } from '../shared/api.ts';

/**
 * Issue 9.10: whether the administrator has registered this serial. A public call that sends
 * only the serial (which the screen shows anyway) and learns one bit; no code, key or secret
 * goes either way. The server bounds it per address.
 */
export async function fetchRegistered(serial: string): Promise<boolean> {
  const { registered } = await api.get<{ registered: boolean }>(
    `/api/v1/tokens/${encodeURIComponent(serial)}/status`,
  );
  return registered;
}
