import { GLOSSARY } from '../../model/glossary.ts';
import type { Words } from '../../model/lifecycle.ts';
import { cell, code, table } from './regions.ts';

/** What each group of words names, as the chapter's headings. */
const GROUP_TITLES: Record<Exclude<keyof typeof GLOSSARY, 'lifecycles'>, string> = {
  caseKinds: 'Case kinds',
  levels: 'Levels a case climbs',
  caseEvents: "Events of a case's history",
  unitKinds: 'Unit kinds',
  roles: 'Roles',
  cyclePhases: 'Phases of a half-year cycle',
  halfYears: 'Halves of a year (a half-year code such as 2026-H2 reads 2026年下半年)',
  quotaItems: 'Items a leader’s year is counted on',
  leaderRanks: 'Leader ranks',
  serviceKinds: 'Kinds of a party member’s service',
  downloads: 'Downloaded tables, as their file names begin',
  webhookEvents: 'Events a webhook can be sent',
  webhookFormats: 'Formats of a webhook',
};

const wordTable = (words: Record<string, Words>): string =>
  table(
    ['code', '中文', 'English'],
    Object.entries(words).map(([name, word]) => [code(name), cell(word.zh), cell(word.en)]),
  );

/**
 * docs/glossary.md's body, from model/glossary.ts: every code the system keeps with the Chinese and
 * English that screens, mails and exports show for it, so a reader of the docs, a translator and a
 * tester look up the same words the product uses.
 */
export function glossaryMarkdown(): string {
  const sections: string[] = [];
  for (const [lifecycle, words] of Object.entries(GLOSSARY.lifecycles)) {
    sections.push(`### ${code(lifecycle)}: states\n\n${wordTable(words.states)}`);
    sections.push(`### ${code(lifecycle)}: steps\n\n${wordTable(words.actions)}`);
  }
  for (const [group, title] of Object.entries(GROUP_TITLES)) {
    sections.push(`### ${title}\n\n${wordTable(GLOSSARY[group as keyof typeof GROUP_TITLES])}`);
  }
  return sections.join('\n\n');
}
