// `npm run bench`: every benchmark, one after the other. The HTTP benchmarks are added here by
// the engineers who own them, one line each.
import { benchOtp } from './otp.ts';

await benchOtp();
