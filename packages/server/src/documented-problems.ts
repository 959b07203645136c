/**
 * Test support (not exported by the package): whether a problem a test received is one its
 * operation documents. testing.ts runs it on every answer, so each server test that provokes a
 * code also proves the OpenAPI document lists it for that operation (problem-schemas.ts).
 */
import type { FastifyInstance } from 'fastify';

interface Documented {
  pattern: RegExp;
  params: number;
  /** method → status → the `code` enumeration of that status's problem. */
  codes: Map<string, Map<number, Set<string>>>;
}

interface Response {
  paths: Record<string, Record<string, { responses: Record<string, ProblemResponse> }>>;
}
interface ProblemResponse {
  content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }>;
}

const cache = new WeakMap<FastifyInstance, Documented[]>();

function documented(app: FastifyInstance): Documented[] {
  const known = cache.get(app);
  if (known) return known;
  const doc = app.swagger() as unknown as Response;
  const list = Object.entries(doc.paths).map(([path, ops]) => {
    const pattern = path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    const codes = new Map<string, Map<number, Set<string>>>();
    for (const [method, op] of Object.entries(ops)) {
      const byStatus = new Map<number, Set<string>>();
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.content?.['application/problem+json']?.schema;
        const enums = (schema?.allOf ?? []).flatMap((part) => part.properties?.code?.enum ?? []);
        if (enums.length > 0) byStatus.set(Number(status), new Set(enums));
      }
      codes.set(method.toUpperCase(), byStatus);
    }
    return { pattern: new RegExp(`^${pattern}$`), params: path.split('{').length, codes };
  });
  // A static path wins over a parametric one, as in the router.
  list.sort((a, b) => a.params - b.params);
  cache.set(app, list);
  return list;
}

/** A sentence when `res` is a problem its operation does not document; undefined otherwise. */
export function undocumentedProblem(
  app: FastifyInstance,
  method: string,
  url: string,
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
): string | undefined {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) return undefined;
  if (res.body === '') return undefined; // HEAD
  const path = url.split('?')[0] ?? url;
  const op = documented(app)
    .find((d) => d.pattern.test(path))
    ?.codes.get(method.toUpperCase());
  // No such operation: the router's 404 not_found (or a method with no route), documented once.
  if (!op) return undefined;
  const code = (JSON.parse(res.body) as { code?: string }).code ?? '';
  if (op.get(res.statusCode)?.has(code)) return undefined;
  return `${method} ${path} answered ${res.statusCode} ${code}, which its OpenAPI operation does not document (problem-schemas.ts)`;
}
