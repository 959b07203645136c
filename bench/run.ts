// `npm run bench`: every benchmark, one after the other, each bounded in time and count and
// aimed at loopback only.
import { benchCeiling } from './ceiling.ts';
import { benchHttp } from './http.ts';
import { benchOtp } from './otp.ts';
import { benchTransfers } from './transfers.ts';
import { benchInProcess } from './transfers-inproc.ts';

await benchOtp();
const ceiling = await benchCeiling();
const http = await benchHttp();
const transfers = await benchTransfers(ceiling);
const inProcess = await benchInProcess(ceiling);

const ratio = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`;
console.log('\nOTP step-ups over HTTP against the ceilings');
for (const f of http) {
  const commits = f.backend === 'sqlite' ? ceiling.sqliteCommits : ceiling.pgCommits16;
  console.log(
    `  ${f.backend.padEnd(8)} ${f.perSecond} req/s = ${ratio(f.perSecond, ceiling.httpHello)} of hello-world, ` +
      `${ratio(f.perSecond, commits)} of the durable single-row commit rate`,
  );
}
for (const f of transfers) {
  const commits = f.backend === 'sqlite' ? ceiling.sqliteCommits : ceiling.pgCommits16;
  console.log(
    `  ${f.backend.padEnd(8)} ${f.perSecond} transfers/s (enter + confirm) = ${ratio(f.perSecond, commits)} of the durable single-row commit rate (goal: at least 50%)` +
      (f.serverCpuMs === null ? '' : `; the server spent ${f.serverCpuMs} ms of CPU per transfer`),
  );
}
const shaped = transfers.find((f) => f.backend === 'sqlite');
if (shaped) {
  console.log(
    `  sqlite   SQLite alone doing a transfer's statements: ${ceiling.sqliteTransferShaped} transfers/s = ${ratio(ceiling.sqliteTransferShaped, ceiling.sqliteCommits)} of its single-row commit rate; Kinko over HTTP reaches ${ratio(shaped.perSecond, ceiling.sqliteTransferShaped)} of it`,
  );
}
for (const f of inProcess) {
  const commits = f.backend === 'sqlite' ? ceiling.sqliteCommits : ceiling.pgCommits16;
  console.log(
    `  ${f.backend.padEnd(8)} ${f.perSecond} transfers/s without HTTP = ${ratio(f.perSecond, commits)} of the durable single-row commit rate; ${f.cpuMs} ms of CPU per transfer`,
  );
}
