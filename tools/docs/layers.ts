import { LAYER_RULES } from '../import-graph.ts';
import { code, table } from './regions.ts';

/** Which layer may import which, for docs/architecture.md, from the rules the import-graph test enforces. */
export function layerRuleTable(): string {
  return table(
    ['files in', 'may import only', 'why'],
    LAYER_RULES.map((rule) => [code(rule.files), rule.mayImportOnly.map(code).join(', '), rule.why]),
  );
}
