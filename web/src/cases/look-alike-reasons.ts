import type { paths } from '../api/client.ts';
import type { MessageKey } from '../i18n/zh.ts';

type Reason = paths['/look-alikes']['get']['responses'][200]['content']['application/json']['items'][number]['reasons'][number];

const PART_WORDS: Record<Reason['part'], MessageKey> = {
  place: 'lookAlike.place',
  problem: 'lookAlike.problem',
  category: 'lookAlike.category',
};

/** Why the API found a case alike, as people read it: "同一地点：幸福路；问题相同：路灯、不亮". */
export function reasonsText(reasons: Reason[], t: (key: MessageKey) => string, language: 'zh' | 'en'): string {
  const [listSeparator, partSeparator, colon] = language === 'zh' ? ['、', '；', '：'] : [', ', '; ', ': '];
  return reasons
    .map(({ part, shared }) => (shared.length ? `${t(PART_WORDS[part])}${colon}${shared.join(listSeparator)}` : t(PART_WORDS[part])))
    .join(partSeparator);
}
