import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { ApiFailure, api, isCaseStep, performStep, unwrap, type CaseStep, type CaseView, type StepBody } from '../api/client.ts';
import { useFormSubmit, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { reasonsText } from './look-alike-reasons.ts';
import { StockReplyPicker } from './StockReplyPicker.tsx';
import type { MessageKey } from '../i18n/zh.ts';

export type StepField = { name: string | string[]; label: MessageKey; input: 'text' | 'long' | 'satisfied' | 'primaryCase' | 'colleague' };
const long = (name: string, label: MessageKey): StepField => ({ name, label, input: 'long' });
const EDITS: StepField[] = (['title', 'category', 'location'] as const)
  .map((name): StepField => ({ name: ['edits', name], label: `case.${name}`, input: 'text' }))
  .concat(
    (['description', 'triedLocally', 'helpNeeded'] as const).map((name) => ({
      name: ['edits', name],
      label: `case.${name}`,
      input: 'long',
    })),
  );

/** The inputs each step asks for; the names are the fields of the step's API body. */
export const STEP_FIELDS: { [A in CaseStep]: StepField[] } = {
  submit: [long('comment', 'step.comment')],
  resubmit: [long('comment', 'step.answer'), ...EDITS],
  forward: [long('summary', 'step.summary')],
  solve: [long('resolution', 'step.resolution')],
  return: [long('questions', 'step.questions')],
  merge: [{ name: 'primaryCaseId', label: 'step.primaryCase', input: 'primaryCase' }, long('comment', 'step.comment')],
  reject: [long('reason', 'step.reason')],
  assign: [{ name: 'coordinatingBody', label: 'step.coordinatingBody', input: 'text' }, long('comment', 'step.comment')],
  note: [long('note', 'step.noteText')],
  resolve: [long('resolution', 'step.resolution')],
  declareUnsolvable: [long('reason', 'step.reason'), { name: 'referTo', label: 'step.referTo', input: 'text' }],
  feedback: [{ name: 'satisfied', label: 'step.satisfied', input: 'satisfied' }, long('reason', 'step.dissatisfaction')],
  take: [long('comment', 'step.comment')],
  assignOwner: [{ name: 'assigneeId', label: 'step.assignee', input: 'colleague' }, long('comment', 'step.comment')],
  release: [long('comment', 'step.comment')],
};

/**
 * One button per action the API allows now; each opens the step's form. An open form stays open when
 * the case changes under it (another officer acted first): what was typed is kept, and sending it
 * says what changed. `onDone` hears of each step that went through.
 */
export function StepButtons({ view, onDone }: { view: CaseView; onDone(action: CaseStep): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [open, setOpen] = useState<CaseStep>();
  const steps = view.allowedActions.filter(isCaseStep);
  return (
    <>
      {view.allowedActions.length === 0 && <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>}
      <Space wrap>
        {steps.map((action) => (
          <Button key={action} type={action === view.allowedActions[0] ? 'primary' : 'default'} onClick={() => setOpen(action)}>
            {label('step', action)}
          </Button>
        ))}
      </Space>
      {open && (
        <StepModal
          view={view}
          action={open}
          onClose={() => setOpen(undefined)}
          onDone={() => {
            setOpen(undefined);
            onDone(open);
          }}
        />
      )}
    </>
  );
}

function StepModal<A extends CaseStep>({ view, action, onClose, onDone }: { view: CaseView; action: A; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [form] = Form.useForm<StepBody<A>>();
  const queryClient = useQueryClient();
  const [initial] = useState(() => (action === 'resubmit' ? { edits: pickEdits(view) } : {}));
  // Refused because the case moved on (409): the form keeps its text, the page shows the case as it is now.
  const [movedOn, setMovedOn] = useState(false);

  const { submit, busy, failure } = useFormSubmit(form, async (values: StepBody<A>) => {
    setMovedOn(false);
    try {
      const updated = await performStep(view.id, action, withoutEmpty(values));
      queryClient.setQueryData(['case', view.id], updated);
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) {
        setMovedOn(true);
        await queryClient.invalidateQueries({ queryKey: ['case', view.id] });
      }
      throw error;
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    }
    onDone();
  });

  return (
    <Modal open title={label('step', action)} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(values: StepBody<A>) => void submit(values)}>
        <StockReplyPicker caseId={view.id} action={action} />
        {STEP_FIELDS[action].map((field) => (
          <Form.Item key={String(field.name)} label={t(field.label)} name={field.name}>
            <StepFieldInput field={field} caseId={view.id} />
          </Form.Item>
        ))}
        {failure && (
          <Alert
            type={movedOn ? 'warning' : 'error'}
            role="alert"
            title={movedOn ? t('step.changedMeanwhile') : failure}
            description={movedOn ? failure : undefined}
            style={{ marginBottom: 12 }}
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('step.confirm')}
          </Button>
          <Button onClick={onClose}>{t('step.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

type FieldControl = { value?: never; onChange?: (value: never) => void; id?: string };

/**
 * The input of one step field, given the value and onChange of the Form.Item around it (a bulk step's
 * dialog uses the same inputs; `caseId` is the case a merge looks for candidates beside).
 */
export function StepFieldInput({ field, caseId, ...control }: { field: StepField; caseId?: string } & FieldControl) {
  const { t } = useI18n();
  const props = control as Record<string, unknown>;
  if (field.input === 'text') return <Input {...props} />;
  if (field.input === 'long') return <Input.TextArea rows={3} {...props} />;
  if (field.input === 'satisfied')
    return (
      <Radio.Group
        {...props}
        options={[
          { value: true, label: t('step.satisfiedYes') },
          { value: false, label: t('step.satisfiedNo') },
        ]}
      />
    );
  if (field.input === 'colleague') return <ColleagueSelect {...props} />;
  return caseId ? <MergeCandidates caseId={caseId} {...props} /> : null;
}

const pickEdits = (view: CaseView) => ({
  title: view.title,
  category: view.category,
  location: view.location,
  description: view.description,
  triedLocally: view.triedLocally,
  helpNeeded: view.helpNeeded,
});

/** The colleagues the API names (the caller's unit and role): who the server accepts as the new owner. */
function ColleagueSelect({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useI18n();
  const colleagues = useQuery({
    queryKey: ['colleagues'],
    queryFn: async () => unwrap(await api.GET('/colleagues')).items,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('step.pickColleague')}
      loading={colleagues.isPending}
      notFoundContent={t('step.noColleagues')}
      options={(colleagues.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}

/** Look-alikes first (the API's suggestions), then any open case of the district found by search. */
function MergeCandidates({ caseId, value, onChange, id }: { caseId: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const [search, setSearch] = useState('');
  const lookAlikes = useQuery({
    queryKey: ['look-alikes', caseId],
    queryFn: async () => unwrap(await api.GET('/cases/{id}/look-alikes', { params: { path: { id: caseId } } })).items,
  });
  const found = useQuery({
    queryKey: ['merge-search', search],
    enabled: search.trim().length >= 2,
    queryFn: async () =>
      unwrap(
        await api.GET('/cases', {
          params: { query: { q: search.trim(), status: 'district_review,municipal_coordination,returned_for_info', limit: 20 } },
        }),
      ).items,
  });
  // The district sees its own cases in full; a look-alike it may not open has no id to merge into.
  const suggested = (lookAlikes.data ?? []).flatMap((c) =>
    c.id === undefined
      ? []
      : [
          {
            value: c.id,
            label: `#${c.number} ${c.title ?? ''} · ${c.status ? label('status', c.status) : ''} · ${t('step.similarity', { score: Math.round(c.score * 100) })} (${reasonsText(c.reasons, t, language)})`,
          },
        ],
  );
  const searched = (found.data ?? [])
    .filter((c) => c.id !== caseId && !suggested.some((s) => s.value === c.id))
    .map((c) => ({ value: c.id, label: `#${c.number} ${c.title} · ${label('status', c.status)}` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('step.pickCase')}
      loading={lookAlikes.isPending}
      notFoundContent={t('step.noCandidates')}
      options={[
        ...(suggested.length ? [{ label: t('step.lookAlikes'), options: suggested }] : []),
        ...(searched.length ? [{ label: t('step.searchResults'), options: searched }] : []),
      ]}
    />
  );
}
