export { type BuildServerOptions, buildServer, defaultWebRoot } from './app.ts';
export { loggerOptions } from './logger.ts';
export { type Problem, toProblem } from './plugins/problem.ts';
export { publicOrigin, trustedProxies } from './plugins/transport.ts';
