import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { Transition } from '../../model/lifecycle.ts';
import { LIFECYCLES } from '../../model/lifecycles.ts';
import { PROJECT_ROOT, code, table } from './regions.ts';

/**
 * The state diagrams and step tables of the feature chapters, generated from every lifecycle
 * registered in model/lifecycles.ts. A lifecycle belongs to the feature whose model folder defines
 * it (`model/<feature>/...`), so a newly registered one shows up in its feature's chapter by itself.
 */
type AnyTransition = Transition<string, string, string, string>;
type AnyLifecycle = {
  subject: string;
  states: readonly string[];
  actions: readonly string[];
  transitions: Record<string, AnyTransition>;
  stepRule(action: string): { by: readonly string[]; from: readonly string[] };
  diagram(options?: { finalStates?: readonly string[] }): string;
};

export const REGISTRY_FILE = 'model/lifecycles.ts';

/** Which chapter of docs/features/ tells each feature. */
export const FEATURE_CHAPTERS: Record<string, string> = {
  cases: 'docs/features/cases.md',
  cycle: 'docs/features/cycle.md',
  leaders: 'docs/features/leaders.md',
  party: 'docs/features/party.md',
  exports: 'docs/features/exports.md',
  statistics: 'docs/features/statistics.md',
  directory: 'docs/features/directory-and-calendar.md',
  calendar: 'docs/features/directory-and-calendar.md',
  auth: 'docs/features/auth-and-security.md',
  open311: 'docs/features/open311-and-webhooks.md',
  webhooks: 'docs/features/open311-and-webhooks.md',
  system: 'docs/operations.md',
};

/** Each registered lifecycle's feature, read from the import that brings it into the registry. */
export function lifecycleFeatures(source = readFileSync(path.join(PROJECT_ROOT, REGISTRY_FILE), 'utf8')): Record<string, string> {
  const file = ts.createSourceFile(REGISTRY_FILE, source, ts.ScriptTarget.Latest, true);
  const importedFrom = new Map<string, string>();
  let registry: ts.ObjectLiteralExpression | undefined;
  const unwrap = (node: ts.Expression): ts.Expression =>
    ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) importedFrom.set(element.name.text, statement.moduleSpecifier.text);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer && unwrap(declaration.initializer);
        if (
          ts.isIdentifier(declaration.name) &&
          declaration.name.text === 'LIFECYCLES' &&
          initializer &&
          ts.isObjectLiteralExpression(initializer)
        ) {
          registry = initializer;
        }
      }
    }
  }
  if (!registry) throw new Error(`${REGISTRY_FILE}: no \`export const LIFECYCLES = { ... }\` found`);
  const features: Record<string, string> = {};
  for (const property of registry.properties) {
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    const value = ts.isPropertyAssignment(property)
      ? unwrap(property.initializer)
      : ts.isShorthandPropertyAssignment(property)
        ? property.name
        : undefined;
    const root = value && ts.isPropertyAccessExpression(value) ? value.expression : value;
    const specifier = root && ts.isIdentifier(root) ? importedFrom.get(root.text) : undefined;
    const feature = specifier && /^\.\/([^/]+)\//.exec(specifier)?.[1];
    if (!name || !feature) {
      throw new Error(
        `${REGISTRY_FILE}: register each lifecycle as \`name: IMPORTED_LIFECYCLE\` imported from ./<feature>/... (${property.getText()})`,
      );
    }
    features[name] = feature;
  }
  return features;
}

/** The states nothing leads out of: where the diagram ends. */
export function finalStates(lifecycle: AnyLifecycle): string[] {
  const transitions = Object.values(lifecycle.transitions);
  const leaves = (state: string) =>
    transitions.some((t) => t.from.includes(state) && t.to !== 'unchanged' && t.to.some((to) => to !== state));
  return lifecycle.states.filter((state) => !leaves(state));
}

const takers = (by: readonly string[]) => by.map(code).join(', ');
const states = (list: readonly string[]) => (list.length ? list.map(code).join(', ') : '(creates it)');

export function lifecycleSection(name: string, lifecycle: AnyLifecycle): string {
  const transitions = Object.entries(lifecycle.transitions);
  const steps = lifecycle.actions.map((action) => {
    const rule = lifecycle.stepRule(action);
    const targets = transitions
      .filter(([, t]) => t.via === action)
      .flatMap(([, t]) => (t.to === 'unchanged' ? ['(unchanged)'] : t.to.map(code)));
    return [code(action), takers(rule.by), states(rule.from), [...new Set(targets)].join(', ')];
  });
  const withoutStep = transitions
    .filter(([, t]) => t.via === null)
    .map(([transition, t]) => [
      code(transition),
      takers(t.by),
      t.label,
      states(t.from),
      t.to === 'unchanged' ? '(unchanged)' : t.to.map(code).join(', '),
    ]);
  return [
    `### The ${lifecycle.subject} (\`${name}\`)`,
    '',
    '```mermaid',
    lifecycle.diagram({ finalStates: finalStates(lifecycle) }),
    '```',
    '',
    ...(steps.length
      ? [`Steps (who may take each, from which states, to which):`, '', table(['step', 'who', 'from', 'to'], steps), '']
      : []),
    ...(withoutStep.length
      ? [
          'Transitions without a step of their own (what creates it, timers, other workflows):',
          '',
          table(['transition', 'by', 'what', 'from', 'to'], withoutStep),
          '',
        ]
      : []),
  ].join('\n');
}

/** Each chapter's generated lifecycle sections, in the registry's order. */
export function lifecycleChapters(
  registry: Record<string, AnyLifecycle> = LIFECYCLES as unknown as Record<string, AnyLifecycle>,
  features: Record<string, string> = lifecycleFeatures(),
): Map<string, string> {
  const chapters = new Map<string, string[]>();
  for (const [name, lifecycle] of Object.entries(registry)) {
    const feature = features[name];
    const chapter = feature && FEATURE_CHAPTERS[feature];
    if (!chapter) throw new Error(`${REGISTRY_FILE}: lifecycle ${name} belongs to no known feature (${feature}); see FEATURE_CHAPTERS`);
    chapters.set(chapter, [...(chapters.get(chapter) ?? []), lifecycleSection(name, lifecycle)]);
  }
  return new Map([...chapters].map(([chapter, sections]) => [chapter, sections.join('\n')]));
}
