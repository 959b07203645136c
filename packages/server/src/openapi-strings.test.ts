import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxPathParamLength, wellFormedText } from './schemas.ts';
import { startServer, type TestServer } from './testing.ts';

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const children = (s: Schema): Schema[] =>
  [
    ...Object.values((s.properties as Record<string, Schema>) ?? {}),
    ...['items', 'additionalProperties', 'propertyNames', 'not'].map((k) => s[k]),
    ...['anyOf', 'oneOf', 'allOf', 'prefixItems'].flatMap((k) => (s[k] as Schema[]) ?? []),
  ].filter((c): c is Schema => typeof c === 'object' && c !== null);

const isString = (s: Schema) => s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));
const patterns = (s: Schema): unknown[] => [
  s.pattern,
  ...((s.allOf as Schema[]) ?? []).map((a) => a.pattern),
];

/**
 * Every string a request schema accepts, with where it is; `$ref`s are followed into the
 * components (each once). Enumerations and constants are fixed values, not text.
 */
function requestStrings(
  doc: { components: { schemas: Record<string, Schema> } },
  root: Schema,
  where: string,
) {
  const found: { where: string; schema: Schema }[] = [];
  const seen = new Set<string>();
  const walk = (s: Schema, at: string) => {
    const ref = s.$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (seen.has(name)) return;
      seen.add(name);
      const target = doc.components.schemas[name];
      if (target) walk(target, `${at}→${name}`);
      return;
    }
    if (isString(s) && s.enum === undefined && s.const === undefined) found.push({ where: at, schema: s });
    for (const c of children(s)) walk(c, at);
  };
  walk(root, where);
  return found;
}

describe.each(testBackends())(
  'every request string goes through the one text primitive, on $name',
  (backend) => {
    let s: TestServer;
    let doc: {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    beforeAll(async () => {
      s = await startServer(backend);
      doc = (await s.request('GET', '/api/openapi.json')).json();
    });
    afterAll(() => s.close());

    const strings = () =>
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).flatMap(([method, op]) => [
          ...(op.parameters ?? []).flatMap((p) =>
            requestStrings(doc, p.schema, `${method} ${path} ${p.in}.${p.name}`),
          ),
          ...Object.values(op.requestBody?.content ?? {}).flatMap((c) =>
            requestStrings(doc, c.schema, `${method} ${path} body`),
          ),
        ]),
      );

    it('no body, querystring, params or headers schema has a bare z.string(): each string refuses lone surrogates and NUL', () => {
      const all = strings();
      // The walk itself must see the fields (a broken walk would pass vacuously).
      expect(all.length).toBeGreaterThan(80);
      const bare = all.filter((x) => !patterns(x.schema).includes(wellFormedText.source)).map((x) => x.where);
      expect(bare).toEqual([]);
    });

    it('every request string has a maxLength', () => {
      const unbounded = strings()
        .filter((x) => typeof x.schema.maxLength !== 'number')
        .map((x) => x.where);
      expect(unbounded).toEqual([]);
    });

    it("path parameters' maxLength is the router's maxParamLength at most, so the document and the router agree", () => {
      expect(s.app.initialConfig.routerOptions?.maxParamLength ?? s.app.initialConfig.maxParamLength).toBe(
        maxPathParamLength,
      );
      const params = Object.values(doc.paths)
        .flatMap((ops) => Object.values(ops))
        .flatMap((op) => (op.parameters ?? []).filter((p) => p.in === 'path'));
      expect(params.length).toBeGreaterThan(10);
      for (const p of params) expect(p.schema.maxLength, p.name).toBeLessThanOrEqual(maxPathParamLength);
    });
  },
);
