import { api } from '../shared/api.ts';

/**
 * T8: the phone's clock may be off; the OTP is computed at Date.now() + offset, with
 * offset = serverTime + rtt/2 - now (the server read its clock about half-way through).
 */
export async function measureOffset(): Promise<number> {
  const start = performance.now();
  const { serverTime } = await api.get<{ serverTime: number }>('/api/v1/time');
  const rtt = performance.now() - start;
  return serverTime + rtt / 2 - Date.now();
}
