import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '@kinko/core';
import { testBackends } from '@kinko/store/testing';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './testing.ts';

/**
 * The codes each KinkoApi method can throw, read from core's source: from the method's wiring
 * in kinko.ts through every function and constant it reaches, the code literals in an error's
 * place (the first argument of `new KinkoError` or `reject`, a `code:` member, a returned or
 * assigned value). An over-approximation (a branch never taken still counts), which is what a
 * document of "can answer" needs.
 */
function coreCodesByMethod(): Map<string, Set<string>> {
  const root = dirname(fileURLToPath(import.meta.resolve('@kinko/core')));
  const codes: ReadonlySet<string> = new Set(ERROR_CODES);
  const program = ts.createProgram([`${root}/kinko.ts`], {
    allowImportingTsExtensions: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const checker = program.getTypeChecker();
  const inErrorPlace = (literal: ts.Node): boolean => {
    let n = literal;
    while (
      ts.isConditionalExpression(n.parent) ||
      ts.isParenthesizedExpression(n.parent) ||
      ts.isAsExpression(n.parent) ||
      (ts.isBinaryExpression(n.parent) &&
        ![ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
          n.parent.operatorToken.kind,
        ))
    )
      n = n.parent;
    const p = n.parent;
    if ((ts.isNewExpression(p) || ts.isCallExpression(p)) && p.arguments?.[0] === n)
      return /(^|\.)(KinkoError|reject)$/.test(p.expression.getText());
    if (ts.isPropertyAssignment(p)) return p.name.getText() === 'code';
    return ts.isReturnStatement(p) || ts.isVariableDeclaration(p);
  };
  const memo = new Map<ts.Node, Set<string>>();
  const scan = (node: ts.Node, stack: Set<ts.Node>): Set<string> => {
    const known = memo.get(node);
    if (known) return known;
    const out = new Set<string>();
    if (stack.has(node)) return out;
    stack.add(node);
    const visit = (n: ts.Node) => {
      if (ts.isStringLiteralLike(n) && codes.has(n.text) && inErrorPlace(n)) out.add(n.text);
      if (ts.isIdentifier(n)) {
        let symbol = checker.getSymbolAtLocation(n);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const d of symbol?.declarations ?? []) {
          if (d === node || !d.getSourceFile().fileName.startsWith(root)) continue;
          if (
            ts.isFunctionDeclaration(d) ||
            ts.isMethodDeclaration(d) ||
            (ts.isVariableDeclaration(d) && d.initializer)
          )
            for (const c of scan(d, stack)) out.add(c);
        }
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(node, visit);
    stack.delete(node);
    memo.set(node, out);
    return out;
  };
  const byMethod = new Map<string, Set<string>>();
  const wiring = program.getSourceFile(`${root}/kinko.ts`);
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAssignment(n) && ts.isObjectLiteralExpression(n.parent))
      byMethod.set(n.name.getText(), scan(n, new Set()));
    ts.forEachChild(n, visit);
  };
  if (wiring) visit(wiring);
  return byMethod;
}

/** Operations whose use case is not the KinkoApi method of the same name. */
const useCaseOf: Record<string, string[]> = {
  getServerTime: ['serverTime'],
  getOpenApiDocument: [],
  getSession: ['me'],
  getStepUpChallenge: ['stepUpChallenge'],
  operatorLogout: ['logout'],
  getOperatorSession: ['operatorProfile'],
  checkOtp: ['stepUp'],
  getStatement: ['statement'],
  getStatementCsv: ['statementCsv'],
  getTokenStatus: ['tokenStatus'],
  getUsageModeImpact: ['usageModeImpact'],
  readAuditCsv: ['auditCsv'],
  approveApprovalRequest: ['actOnApproval'],
  returnApprovalRequest: ['actOnApproval'],
  cancelApproval: ['actOnApproval'],
  withdrawApprovalRequest: ['actOnApproval'],
  getCaCertificate: ['caCertificate'],
  getCaCertificatePem: ['caCertificate'],
  getCaCertificateDer: ['caCertificate'],
  getCertificateRevocationList: ['certificateRevocationList'],
};

interface Operation {
  operationId: string;
  responses: Record<
    string,
    { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }
  >;
}

describe.each(testBackends().slice(0, 1))(
  'the OpenAPI document and core agree on codes ($name)',
  (backend) => {
    let s: TestServer;
    let ops: Operation[];
    let core: Map<string, Set<string>>;
    beforeAll(async () => {
      s = await startServer(backend);
      const doc: { paths: Record<string, Record<string, Operation>> } = (
        await s.request('GET', '/api/openapi.json')
      ).json();
      ops = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod));
      core = coreCodesByMethod();
    });
    afterAll(() => s.close());

    it('the call graph sees core: login can answer auth.invalid_credentials, confirmTransfer otp.replayed', () => {
      expect(core.get('login')).toContain('auth.invalid_credentials');
      expect(core.get('confirmTransfer')).toContain('otp.replayed');
      expect(core.get('login')).not.toContain('otp.replayed'); // an audit action's name, not a throw
    });

    it('every operation documents every code its core use case can throw', () => {
      const missing: string[] = [];
      for (const op of ops) {
        const methods = useCaseOf[op.operationId] ?? [op.operationId];
        const documented = new Set(
          Object.values(op.responses).flatMap((r) =>
            (r.content?.['application/problem+json']?.schema?.allOf ?? []).flatMap(
              (p) => p.properties?.code?.enum ?? [],
            ),
          ),
        );
        for (const method of methods) {
          const thrown = core.get(method);
          if (!thrown) {
            missing.push(`${op.operationId}: no KinkoApi method ${method} (map it in useCaseOf)`);
            continue;
          }
          for (const code of thrown) if (!documented.has(code)) missing.push(`${op.operationId}: ${code}`);
        }
      }
      expect(missing).toEqual([]);
    });
  },
);
