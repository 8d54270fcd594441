import { CASE_KINDS, type CaseKind } from '../cases/filing.ts';
import { CASE_KIND_WORDS } from '../cases/glossary.ts';
import type { Words } from '../lifecycle.ts';
import { isOpenStatus, type CaseStatus } from '../cases/lifecycle.ts';

/**
 * Open311 GeoReport v2 on the ledger's terms. A *service* is a kind of case in a category: the ledger
 * knows two kinds (a hard problem, an unclaimed public-service project) and takes categories as
 * free text, so the catalogue below names the categories a client may choose from, and a case whose
 * category is not among them is served as its kind's "other". A case's category is stored as the
 * catalogue's word in the district's language, as a clerk would type it.
 */
type Category = Words & { keywords: Words };

export const OPEN311_CATEGORIES = {
  infrastructure: {
    zh: '市政设施',
    en: 'Municipal facilities',
    keywords: { zh: '路灯, 道路, 井盖, 桥梁', en: 'street lights, roads, manhole covers, bridges' },
  },
  sanitation: { zh: '环境卫生', en: 'Sanitation', keywords: { zh: '垃圾, 清运, 公厕', en: 'rubbish, collection, public toilets' } },
  drainage: { zh: '排水', en: 'Drainage', keywords: { zh: '积水, 下水道, 内涝', en: 'standing water, sewers, flooding' } },
  water_supply: { zh: '供水', en: 'Water supply', keywords: { zh: '停水, 水压, 水管', en: 'no water, pressure, pipes' } },
  safety: { zh: '安全隐患', en: 'Safety hazards', keywords: { zh: '消防, 危房, 电线', en: 'fire, unsafe buildings, cables' } },
  public_service: {
    zh: '公共服务',
    en: 'Public services',
    keywords: { zh: '养老, 助残, 便民', en: 'elderly care, disability support, neighbourhood services' },
  },
  other: { zh: '其他', en: 'Other', keywords: { zh: '其他', en: 'other' } },
} as const satisfies Record<string, Category>;
export type CategoryCode = keyof typeof OPEN311_CATEGORIES;
export const CATEGORY_CODES = Object.keys(OPEN311_CATEGORIES) as CategoryCode[];

export type ServiceRef = { kind: CaseKind; category: CategoryCode };

/** `hard_problem-drainage`: no dot, so `services/{code}.json` parses one way only. */
export const serviceCode = ({ kind, category }: ServiceRef) => `${kind}-${category}`;
export const SERVICE_CODE_PATTERN = new RegExp(`^(${CASE_KINDS.join('|')})-(${CATEGORY_CODES.join('|')})$`);
export const SERVICE_CODE_MAX_LENGTH =
  Math.max(...CASE_KINDS.map((kind) => kind.length)) + 1 + Math.max(...CATEGORY_CODES.map((code) => code.length));

export function parseServiceCode(code: string): ServiceRef | undefined {
  const match = SERVICE_CODE_PATTERN.exec(code);
  return match ? { kind: match[1] as CaseKind, category: match[2] as CategoryCode } : undefined;
}

export const ALL_SERVICES: ServiceRef[] = CASE_KINDS.flatMap((kind) => CATEGORY_CODES.map((category) => ({ kind, category })));

const normalise = (text: string) => text.trim().toLowerCase();

/** The catalogue's category of a case's free-text category (either language, any letter case), else `other`. */
export function categoryOf(caseCategory: string): CategoryCode {
  const wanted = normalise(caseCategory);
  return (
    CATEGORY_CODES.find((code) => [OPEN311_CATEGORIES[code].zh, OPEN311_CATEGORIES[code].en].some((w) => normalise(w) === wanted)) ??
    'other'
  );
}

/** Every word (both languages) a named category is stored under; `other` is what none of the named ones match. */
export const namedCategoryWords = (only?: CategoryCode) =>
  CATEGORY_CODES.filter((code) => code !== 'other' && (only === undefined || code === only)).flatMap((code) => [
    OPEN311_CATEGORIES[code].zh,
    OPEN311_CATEGORIES[code].en,
  ]);

/** The Open311 status: a case still worked on, or one that follows an open primary, is open. */
export const open311Status = (status: CaseStatus): 'open' | 'closed' => (isOpenStatus(status) || status === 'merged' ? 'open' : 'closed');

export type Language = keyof Words;

export const serviceName = ({ kind, category }: ServiceRef, lang: Language) =>
  lang === 'zh'
    ? `${OPEN311_CATEGORIES[category][lang]}（${CASE_KIND_WORDS[kind][lang]}）`
    : `${OPEN311_CATEGORIES[category][lang]} (${CASE_KIND_WORDS[kind][lang]})`;

export const SERVICE_DESCRIPTIONS = {
  hard_problem: {
    zh: '街道、园区或单位无法就地解决、需要区级梳理或市级协调的难点问题。',
    en: 'A problem a street office, park or unit cannot solve locally: the district combs it and the city coordinates.',
  },
  unclaimed_project: {
    zh: '无人认领的公益服务项目，供领导干部和单位认领。',
    en: 'A public-service project nobody has taken on yet, for leaders and units to claim.',
  },
} as const satisfies Record<CaseKind, Words>;
