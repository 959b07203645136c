// `npm run bench`: every benchmark, one after the other, each bounded in time and count and
// aimed at loopback only.
import { benchHttp } from './http.ts';
import { benchOtp } from './otp.ts';

await benchOtp();
await benchHttp();
