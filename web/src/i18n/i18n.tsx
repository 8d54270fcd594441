import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { zh, type MessageKey } from './zh.ts';
import { en } from './en.ts';
import { wordOf, type Language, type WordGroup } from './words.ts';
import { configureLanguage } from '../api/client.ts';

export type { Language };
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'ledger.language';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
type I18nState = { language: Language; setLanguage(language: Language): void; t: Translate };

const I18nContext = createContext<I18nState | undefined>(undefined);

const remembered = (): Language => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh');

/** Chinese by default; the switch is remembered in the browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(remembered);
  const value = useMemo<I18nState>(() => {
    const dictionary = DICTIONARIES[language];
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    configureLanguage(language);
    return {
      language,
      setLanguage(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLanguageState(next);
      },
      t: (key, values) => dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`)),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nState {
  const state = useContext(I18nContext);
  if (!state) throw new Error('useI18n outside I18nProvider');
  return state;
}

/** Labels of values the API sends as codes (statuses, roles, kinds, actions, event types), in the glossary's words. */
export function useLabel() {
  const { language } = useI18n();
  return (group: WordGroup, code: string) => wordOf(group, code, language);
}
