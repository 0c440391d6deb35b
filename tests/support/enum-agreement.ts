/**
 * Reads a generated variant file back and compares, for every property of `RequestBody` and of each complex
 * type, the values its TypeScript type allows with the values its validator's enum check allows. The two
 * are emitted separately (a type text, a contract literal), so only reading the output shows they agree.
 */
import ts from 'typescript';

type Values = Set<string> | 'open';
type Checks = { kind: string; values?: unknown[]; advisory?: boolean }[];
type PropertyContracts = [string, { checks: Checks }][];

/** `enums`: properties with a list of values on either side; `disagreements`: those where the sides differ. */
export function enumAgreement(file: string, text: string): { enums: number; disagreements: string[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const aliases = new Map<string, ts.TypeNode>();
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const typeNames = new Map<string, string>();
  let types: [string, { properties: PropertyContracts }][] = [];
  let body: PropertyContracts = [];
  for (const st of source.statements) {
    const doc = docText(st);
    const named = /^The `([^`]+)` (?:complex|enum) type/.exec(doc);
    if (ts.isTypeAliasDeclaration(st)) {
      aliases.set(st.name.text, st.type);
      if (named) typeNames.set(st.name.text, named[1]!);
    } else if (ts.isInterfaceDeclaration(st)) {
      interfaces.set(st.name.text, st);
      if (named) typeNames.set(st.name.text, named[1]!);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        if (d.name.text === 'types') types = JSON.parse(d.initializer.getText(source));
        if (d.name.text === 'contract' && ts.isObjectLiteralExpression(d.initializer)) {
          const spread = d.initializer.properties.find(ts.isSpreadAssignment);
          if (spread) body = JSON.parse(spread.expression.getText(source)).properties;
        }
      }
    }
  }
  const valuesOf = (node: ts.TypeNode, seen = new Set<string>()): Values => {
    if (ts.isParenthesizedTypeNode(node)) return valuesOf(node.type, seen);
    if (ts.isArrayTypeNode(node)) return valuesOf(node.elementType, seen);
    if (ts.isUnionTypeNode(node)) {
      const out = new Set<string>();
      for (const t of node.types) {
        const v = valuesOf(t, seen);
        if (v === 'open') return 'open';
        for (const x of v) out.add(x);
      }
      return out;
    }
    if (ts.isLiteralTypeNode(node)) {
      if (node.literal.kind === ts.SyntaxKind.NullKeyword) return new Set();
      if (ts.isStringLiteral(node.literal) || ts.isNumericLiteral(node.literal)) return new Set([node.literal.text]);
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const alias = aliases.get(node.typeName.text);
      if (alias && !seen.has(node.typeName.text)) return valuesOf(alias, new Set([...seen, node.typeName.text]));
    }
    return 'open';
  };
  const out: string[] = [];
  let enums = 0;
  const compare = (where: string, decl: ts.InterfaceDeclaration | undefined, contracts: PropertyContracts) => {
    if (!decl) return;
    const members = new Map<string, ts.TypeNode>();
    for (const m of decl.members)
      if (ts.isPropertySignature(m) && m.type && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) members.set(m.name.text, m.type);
    for (const [name, contract] of contracts) {
      const type = members.get(name);
      if (!type) continue;
      const typed = valuesOf(type);
      const check = contract.checks.find((c) => c.kind === 'enum' && !c.advisory);
      const validated: Values = check ? new Set(check.values!.filter((v) => v !== null).map(String)) : 'open';
      if (typed !== 'open' || validated !== 'open') enums++;
      if (!same(typed, validated)) out.push(`${file} ${where}.${name}: type allows ${show(typed)}, validator ${show(validated)}`);
    }
  };
  compare('RequestBody', interfaces.get('RequestBody'), body);
  const byType = new Map([...typeNames].map(([id, name]) => [name, id]));
  for (const [name, t] of types) compare(name, interfaces.get(byType.get(name) ?? ''), t.properties);
  return { enums, disagreements: out };
}

function docText(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n');
}

function same(a: Values, b: Values): boolean {
  if (a === 'open' || b === 'open') return a === b;
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function show(v: Values): string {
  return v === 'open' ? 'any value of its type' : `{${[...v].sort().join(', ')}}`;
}
