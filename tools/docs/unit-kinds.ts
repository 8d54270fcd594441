import { UNIT_KINDS, UNIT_KIND_RULES } from '../../model/directory/unit-kinds.ts';
import { code, table } from './regions.ts';

/** The kinds of organisation unit and what each does, for docs/features/directory-and-calendar.md, from model/directory/unit-kinds.ts. */
export function unitKindTable(): string {
  const yes = (flag: boolean) => (flag ? 'yes' : '—');
  return table(
    ['kind', 'parent', "its staff's role", 'files cases', 'keeps leaders', 'keeps communities'],
    UNIT_KINDS.map((kind) => {
      const rule = UNIT_KIND_RULES[kind];
      return [
        code(kind),
        rule.parent ? code(rule.parent) : '—',
        code(rule.staffRole),
        yes(rule.filesCases),
        yes(rule.keepsLeaders),
        yes(rule.keepsCommunities),
      ];
    }),
  );
}
