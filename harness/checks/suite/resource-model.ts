/**
 * The resource model across the operations of one run (fast-check commands): sequences of creates, reads,
 * list reads, updates, deletes and reference adds and removes on the resources the sequence made, checked
 * against a model of what each should hold. What was created reads back as sent, an accepted update
 * persists, a deleted resource reads 404 and leaves the list, a list holds every resource that exists, and
 * a reference added is listed until it is removed. One case per collection with a create and a read.
 * Each command is a class of its own (`*.command.ts`); what they share is in model-steps.ts.
 */
import fc from 'fast-check';
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { templateShape } from '../../../generator/ir/path-templates.js';
import { bindBody, validBodies } from '../../arbitraries/body-bindings.js';
import type { Send } from '../../model/exchange.js';
import { operationKind } from '../../model/operation-kind.js';
import { mainTemplate } from '../../model/operation-links.js';
import { type ParamValues, successResponse } from '../../model/target.js';
import type { CheckCase, Violation } from '../check.js';
import { ViolationError } from '../violation-error.js';
import { CreateCommand } from './create.command.js';
import { DeleteCommand } from './delete.command.js';
import { ListCommand } from './list.command.js';
import { MAX_COMMANDS, type Model, type Operations, type Real, type Relationship } from './model-steps.js';
import { ReadCommand } from './read.command.js';
import { AddReferenceCommand, ListReferencesCommand, References, RemoveReferenceCommand } from './reference.commands.js';
import { UpdateCommand } from './update.command.js';
import { escapeRegExp } from '../../../generator/ir/regexp.js';

/** A sequence: a create first (nothing else can run on an empty model), then any commands. */
type Sequence = [fc.AsyncCommand<Model, Real>, Iterable<fc.AsyncCommand<Model, Real>>];

function commandsOf(ops: Operations): fc.Arbitrary<Sequence> {
  const create = validBodies({ spec: ops.create, bound: ops.bound }).map((body): fc.AsyncCommand<Model, Real> => new CreateCommand(ops, body));
  const commands: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] = [create];
  const { read, list, update, delete: del } = ops;
  if (read) commands.push(fc.nat().map((n) => new ReadCommand({ ...ops, read }, n)));
  if (list) commands.push(fc.constant(new ListCommand(ops.collection, list)));
  // An update never clears what the create requires: a server may refuse that under one reading.
  if (update)
    commands.push(fc.tuple(fc.nat(), validBodies({ spec: update, related: [ops.create] })).map(([n, body]) => new UpdateCommand({ ...ops, update }, n, body)));
  if (del) commands.push(fc.nat().map((n) => new DeleteCommand({ ...ops, delete: del }, n)));
  // A remove needs an add before it on the same resource: each is drawn twice as often as the others, or
  // a remove that keeps the reference takes dozens of sequences to meet.
  for (const rel of ops.relationships) for (const command of relationshipCommands(ops.collection, rel)) commands.push(command, command);
  return fc.tuple(create, fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'medium' }));
}

function relationshipCommands(collection: string, rel: Relationship): fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] {
  const refs = new References(collection, rel);
  const { list, remove } = rel;
  return [
    fc.nat().map((n): fc.AsyncCommand<Model, Real> => new AddReferenceCommand(refs, n)),
    ...(list ? [fc.nat().map((n): fc.AsyncCommand<Model, Real> => new ListReferencesCommand(refs, list, n))] : []),
    ...(remove ? [fc.nat().map((n): fc.AsyncCommand<Model, Real> => new RemoveReferenceCommand(refs, remove, n))] : []),
  ];
}

/** The operations of each collection that has a create and a read (of one resource or of the list). */
export function collections(specs: readonly OperationSpec[], params: ParamValues): Operations[] {
  const by = (kind: string, s: string, collection?: boolean) =>
    specs.find(
      (x) =>
        operationKind(x) === kind && templateShape(mainTemplate(x)) === s && (collection === undefined || !!successResponse(x)?.bodyCollection === collection),
    );
  const out: Operations[] = [];
  for (const create of specs.filter((s) => operationKind(s) === 'create')) {
    const c = templateShape(mainTemplate(create));
    // A create whose body names a resource the run must be given (a plan's id) and was not cannot run.
    const createBinding = bindBody(create, params);
    if (c.includes('{}') || !('bound' in createBinding)) continue;
    const read = by('read', `${c}/{}`, false);
    const list = by('read', c, true);
    if (!read && !list) continue;
    const type = successResponse(create)?.bodyType;
    const def = type ? create.types[type] : undefined;
    const tracked = new Set(def?.kind === 'complex' ? def.properties.map((p) => p.name).filter((k) => k !== 'id') : []);
    const relationships: Relationship[] = [];
    for (const add of specs.filter((s) => operationKind(s) === 'link')) {
      const m = new RegExp(`^${escapeRegExp(c)}/\\{\\}/([^/{}]+)/\\$ref$`).exec(templateShape(mainTemplate(add)));
      const binding = m ? bindBody(add, params) : undefined;
      if (!m || !binding || !('bound' in binding)) continue;
      const name = m[1]!;
      const refId = /([^/]+)$/.exec(Object.values(binding.bound)[0] ?? '')?.[1];
      if (!refId) continue;
      relationships.push({
        name,
        add,
        list: by('read', `${c}/{}/${name}`, true),
        remove: by('delete', `${c}/{}/${name}/{}/$ref`),
        body: binding.bound,
        refId: decodeURIComponent(refId),
      });
    }
    out.push({
      collection: c,
      create,
      bound: createBinding.bound,
      read,
      list,
      update: by('update', `${c}/{}`),
      delete: by('delete', `${c}/{}`),
      relationships,
      tracked,
    });
  }
  return out;
}

/** One `resource-model/<collection>` case per collection the run can create and read. */
export function resourceModels(specs: readonly OperationSpec[], options: { send: Send; token: string; params: ParamValues }): CheckCase[] {
  return collections(specs, options.params).map((ops): CheckCase<Sequence> => {
    const tolerated: Violation[] = [];
    const names = [ops.create, ops.read, ops.list, ops.update, ops.delete, ...ops.relationships.flatMap((r) => [r.add, r.list, r.remove])]
      .filter((s): s is OperationSpec => !!s)
      .map((s) => s.operation);
    return {
      id: `resource-model${ops.collection}`,
      check: 'resource-model',
      title: 'across operations, resources read back as created and updated, deletes are gone, lists hold what exists',
      source: successResponse(ops.create)?.source,
      sentence: `the ${ops.collection} operations of the run: ${names.join(', ')}`,
      arbitrary: commandsOf(ops),
      tolerated,
      async run([first, cmds]) {
        const real: Real = { send: options.send, token: options.token, log: [], tolerated };
        const setup = async () => {
          const model: Model = { resources: [] };
          await first.run(model, real);
          return { model, real };
        };
        try {
          await fc.asyncModelRun(setup, cmds);
          return undefined;
        } catch (e) {
          if (e instanceof ViolationError) return e.violation;
          throw e;
        }
      },
    };
  });
}
