import { describe, expect, it } from 'vitest';
import { ANNEX3_COLUMNS } from '../../../domain/exports/annex3.ts';
import { CASE_KINDS } from '../../../model/cases/filing.ts';
import { CASE_STATUSES } from '../../../model/cases/lifecycle.ts';
import { GLOSSARY, type Language } from '../../../model/glossary.ts';
import type { Words } from '../../../model/lifecycle.ts';
import { LIFECYCLES } from '../../../model/lifecycles.ts';
import { en } from '../../../web/src/i18n/en.ts';
import { wordOf } from '../../../web/src/i18n/words.ts';
import { zh } from '../../../web/src/i18n/zh.ts';

const LANGUAGES: Language[] = ['zh', 'en'];
const HAN = /\p{Script=Han}/u;
type WordTable = Record<string, Words | undefined>;

/** Every word of the glossary, with where it is (for the failure message). */
function allWords(node: object, at: string[] = []): Array<[string, Words]> {
  if ('zh' in node && 'en' in node) return [[at.join('.'), node as Words]];
  return Object.entries(node).flatMap(([name, child]) => allWords(child as object, [...at, name]));
}

describe('the glossary', () => {
  it('names every state and every step of every registered lifecycle in Chinese and English', () => {
    const glossary: Record<string, { states: WordTable; actions: WordTable } | undefined> = GLOSSARY.lifecycles;
    const missing: string[] = [];
    for (const [name, lifecycle] of Object.entries(LIFECYCLES)) {
      const words = glossary[name];
      for (const state of lifecycle.states)
        if (!words?.states[state]?.zh || !words.states[state].en) missing.push(`${name}: state ${state}`);
      for (const step of lifecycle.actions) if (!words?.actions[step]?.zh || !words.actions[step].en) missing.push(`${name}: step ${step}`);
    }
    expect(missing).toEqual([]);
  });

  it('names only what the tables have: a word for a state or step that is gone is a stale copy', () => {
    const stale = Object.entries(GLOSSARY.lifecycles).flatMap(([name, words]) => {
      const lifecycle: { states: readonly string[]; actions: readonly string[] } = LIFECYCLES[name as keyof typeof LIFECYCLES];
      return [
        ...Object.keys(words.states).filter((s) => !lifecycle.states.includes(s)),
        ...Object.keys(words.actions).filter((a) => !lifecycle.actions.includes(a)),
      ].map((code) => `${name}: ${code}`);
    });
    expect(stale).toEqual([]);
  });

  it('has Chinese in Chinese and English in English for every word', () => {
    const bad = allWords(GLOSSARY).filter(([, w]) => !HAN.test(w.zh) || HAN.test(w.en) || w.en.trim() === '');
    expect(bad).toEqual([]);
  });

  it('gives Annex 3 and the web app the same word for each status and each kind', () => {
    const annex = (header: string) => ANNEX3_COLUMNS.find((c) => c.zh === header)!.value;
    const pairs = LANGUAGES.flatMap((lang) => [
      ...CASE_STATUSES.map((status) => [annex('当前状态')({ status } as never, lang), wordOf('status', status, lang)]),
      ...CASE_KINDS.map((kind) => [annex('类型')({ kind } as never, lang), wordOf('kind', kind, lang)]),
    ]);
    for (const [inAnnex, onScreen] of pairs) expect(inAnnex).toBe(onScreen);
    // The words Annex 3 used to have where the screens said otherwise are gone.
    expect(annex('当前状态')({ status: 'district_review' } as never, 'zh')).toBe('区级梳理');
    expect(annex('类型')({ kind: 'hard_problem' } as never, 'zh')).toBe('难点问题');
  });

  it('is the only place the web app finds these names: its dictionaries keep no copy', () => {
    const caseSteps: readonly string[] = LIFECYCLES.case.actions;
    const copies = [...Object.keys(zh), ...Object.keys(en)].filter(
      (key) =>
        /^(status|kind|role|level|phase|unitKind|event|exports\.status)\./.test(key) || caseSteps.includes(key.replace(/^step\./, '')),
    );
    expect(copies).toEqual([]);
    expect(wordOf('event', 'project_claimed', 'zh')).toBe(GLOSSARY.caseEvents.project_claimed.zh);
  });
});
