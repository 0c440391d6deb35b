/**
 * Reads a spec file for the commands that consume one (certify, drift): JSON syntax errors and shape errors
 * (against spec/spec.schema.json) become one line naming the file, line and column.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type OperationSpec, SPEC_FORMAT_VERSION, type Spec } from '../generator/ir/ir.js';
import { MAX_SPEC_DEPTH, specProblems } from '../generator/ir/spec-problems.js';
import { packageFile, readInput, UsageError } from './io.js';
import { nestedBeyond } from '../generator/read/json-brackets.js';
import { pointerSegments } from '../generator/ir/json-pointer.js';

let validate: ReturnType<Ajv2020.default['compile']> | undefined;

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** JSON Pointer → path segments (numbers for array indexes). */
const segments = (pointer: string) => pointerSegments(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));

export function loadSpec(file: string): Spec {
  const text = readInput(file);
  // A spec nests about ten deep; thousands of levels would overflow the stack of every recursive reader.
  const tooDeep = nestedBeyond(text, MAX_SPEC_DEPTH);
  if (tooDeep !== undefined) throw new UsageError(`${file}:${lineColumn(text, tooDeep)}: not a usable spec: nested deeper than ${MAX_SPEC_DEPTH} levels`);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !tree) {
    const e = errors[0];
    throw new UsageError(`${file}:${lineColumn(text, e?.offset ?? 0)}: not valid JSON (${e ? printParseErrorCode(e.error) : 'empty file'})`);
  }
  const data = JSON.parse(text) as unknown;
  // An older (or newer) format is named before its shape is judged: "not a docspec spec" would hide why.
  const version = (data as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version !== SPEC_FORMAT_VERSION) {
    const node = findNodeAtLocation(tree, ['formatVersion']);
    throw new UsageError(
      `${file}:${node ? lineColumn(text, node.offset) : '1:1'}: spec format ${version}; this docspec reads format ${SPEC_FORMAT_VERSION} (regenerate the spec with docspec generate)`,
    );
  }
  validate ??= new Ajv2020.default({ allErrors: false, strict: false }).compile(JSON.parse(packageFile('spec/spec.schema.json')));
  if (!validate(data)) {
    const e = validate.errors![0]!;
    const node = findNodeAtLocation(tree, segments(e.instancePath));
    const at = node ? lineColumn(text, node.offset) : '1:1';
    const where = e.instancePath || '(top level)';
    throw new UsageError(`${file}:${at}: not a docspec spec: ${where} ${e.message ?? 'is invalid'}`);
  }
  const [problem] = specProblems(data as Spec);
  if (problem) {
    const node = findNodeAtLocation(tree, segments(problem.path));
    throw new UsageError(`${file}:${node ? lineColumn(text, node.offset) : '1:1'}: not a usable spec: ${problem.path} ${problem.message}`);
  }
  return data as Spec;
}

export function loadOperationSpec(file: string): OperationSpec {
  const spec = loadSpec(file);
  if (spec.kind !== 'operation')
    throw new UsageError(`${file}:1:1: a ${spec.kind} spec; this command needs an operation spec (spec/<operation>.<variant>.json)`);
  return spec;
}

/** The operation specs a `--spec` names: the file, or every `*.json` operation spec in the folder. */
export function specsAt(path: string): OperationSpec[] {
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    // Not there: loading it names the problem.
  }
  if (!folder) return [loadOperationSpec(path)];
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort();
  // A folder may hold connector specs and the schema beside the operation specs: those are not operations.
  const specs = files
    .filter((f) => f !== 'spec.schema.json')
    .map((f) => loadSpec(join(path, f)))
    .filter((s): s is OperationSpec => s.kind === 'operation');
  if (!specs.length) throw new UsageError(`${path}: no operation spec (*.json) in this folder`);
  return specs;
}
