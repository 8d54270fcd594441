import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { api, unwrap, type CaseStep, type paths } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export type StockReplyStep = NonNullable<paths['/cases/{id}/stock-replies']['get']['parameters']['query']>['step'];

/** The field of each step's form a picked reply fills (its name in the step's API body). */
const FILLS: { [S in StockReplyStep]: string } = {
  forward: 'summary',
  solve: 'resolution',
  return: 'questions',
  reject: 'reason',
  resolve: 'resolution',
  declareUnsolvable: 'reason',
  note: 'note',
  feedback: 'reason',
  resubmit: 'comment',
};
const offersReplies = (action: CaseStep): action is StockReplyStep => action in FILLS;

/**
 * The stock replies the API offers for this step on this case, already filled in; picking one puts
 * its text (in the screen's language) into the step's text field, where it stays editable.
 */
export function StockReplyPicker({ caseId, action }: { caseId: string; action: CaseStep }) {
  const { t, language } = useI18n();
  const form = Form.useFormInstance();
  const step = offersReplies(action) ? action : undefined;
  const [picked, setPicked] = useState<string>();
  const replies = useQuery({
    queryKey: ['stock-replies', caseId, step],
    enabled: step !== undefined,
    queryFn: async () =>
      unwrap(await api.GET('/cases/{id}/stock-replies', { params: { path: { id: caseId }, query: { step: step! } } })).items,
  });
  if (!step || !replies.data?.length) return null;
  return (
    <Form.Item label={t('stockReply.pick')} htmlFor="stock-reply-picker">
      <Select
        id="stock-reply-picker"
        value={picked}
        placeholder={t('stockReply.placeholder')}
        options={replies.data.map((reply) => ({ value: reply.id, label: reply.name }))}
        onChange={(id: string) => {
          const reply = replies.data.find((r) => r.id === id);
          setPicked(id);
          if (reply) form.setFieldValue(FILLS[step], reply.text[language] || reply.text.zh);
        }}
      />
    </Form.Item>
  );
}
