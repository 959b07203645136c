export { type BuildServerOptions, buildServer } from './app.ts';
export { publicOrigin, trustedProxies } from './plugins/transport.ts';
