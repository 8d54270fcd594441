import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { messageOf, useFormSubmit } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { DialogFormFooter } from '../components/DialogFormFooter.tsx';
import {
  takeRoundStep,
  useBranchesRegisteredHere,
  useMembers,
  type NewNomination,
  type Nomination,
  type Round,
  type RoundStep,
} from './party-api.ts';

/** Steps that pick from the nominations: shortlisting from all of them, deciding among the shortlisted. */
const PICKS: Partial<Record<RoundStep, (n: Nomination) => boolean>> = { shortlist: () => true, decide: (n) => n.shortlisted };

/**
 * The round's nominations and its steps, each a button the API offered (`allowedActions`). The ticked
 * members are counted against the quota as they are ticked, so an over-quota list shows before the
 * API refuses it (the API still decides).
 */
export function RoundSteps({ round }: { round: Round }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  // Once shortlisted, the clerk may both revise the shortlist and decide: one set of ticks serves both.
  const picks = round.allowedActions.filter((a) => a in PICKS);
  const pickable = (n: Nomination) => picks.some((p) => PICKS[p]!(n));
  const [ticked, setTicked] = useState<string[]>(() =>
    round.nominations.filter((n) => (round.phase === 'nominating' ? n.shortlisted : n.selected || n.shortlisted)).map((n) => n.subjectKey),
  );
  const [dialog, setDialog] = useState<'nominate' | 'return'>();
  const [failure, setFailure] = useState<string>();
  const deciding = picks.includes('decide');
  // What a decision would select: the ticked members among the shortlisted.
  const tickedMembers = round.nominations.filter((n) => n.kind === 'member' && n.shortlisted && ticked.includes(n.subjectKey)).length;
  const overQuota = deciding && tickedMembers > round.quota;

  const step = async (action: RoundStep, body: object) => {
    setFailure(undefined);
    try {
      await takeRoundStep(round.year, round.unitId, action, body);
      await queryClient.invalidateQueries({ queryKey: ['party'] });
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  const bodyOf: Record<RoundStep, () => object | undefined> = {
    nominate: () => undefined,
    return: () => undefined,
    shortlist: () => ({ subjectKeys: ticked }),
    decide: () => ({ selected: ticked.filter((key) => round.nominations.some((n) => n.subjectKey === key && n.shortlisted)) }),
    submit: () => ({}),
    approve: () => ({}),
  };
  const press = (action: RoundStep) => {
    const body = bodyOf[action]();
    if (body) void step(action, body);
    else setDialog(action as 'nominate' | 'return');
  };

  return (
    <>
      {deciding && (
        <Alert
          type={overQuota ? 'error' : 'info'}
          role={overQuota ? 'alert' : 'status'}
          style={{ marginBottom: 12 }}
          title={t(overQuota ? 'party.round.overQuota' : 'party.round.withinQuota', { ticked: tickedMembers, quota: round.quota })}
        />
      )}
      <Table<Nomination>
        rowKey="subjectKey"
        size="small"
        scroll={{ x: 'max-content' }}
        pagination={false}
        dataSource={round.nominations}
        rowSelection={
          picks.length > 0
            ? {
                // A word, not antd's select-all box: the table's hidden measuring row copies each
                // column title, and a checkbox there is a focusable control nobody can see.
                columnTitle: t('party.round.tick'),
                selectedRowKeys: ticked,
                onChange: (keys) => setTicked(keys.map(String)),
                getCheckboxProps: (n) => ({ disabled: !pickable(n), 'aria-label': n.name }),
              }
            : undefined
        }
        columns={[
          { title: t('party.round.nominee'), dataIndex: 'name' },
          { title: t('party.round.kind'), render: (_, n) => t(n.kind === 'member' ? 'party.round.kindMember' : 'party.round.kindBranch') },
          { title: t('party.member.homeUnit'), dataIndex: 'homeUnit' },
          {
            title: t('party.round.sources'),
            render: (_, n) =>
              n.sources.map((s) => t(s === 'residents' ? 'party.round.sourceResidents' : 'party.round.sourceOrganization')).join('、'),
          },
          {
            title: t('party.round.standing'),
            render: (_, n) => (
              <>
                {n.shortlisted && <Tag>{label('roundStep', 'shortlist')}</Tag>}
                {n.selected && <Tag color="#15803d">{t('party.round.selected')}</Tag>}
              </>
            ),
          },
        ]}
      />
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 12 }} />}
      <Space wrap style={{ marginTop: 12 }}>
        {round.allowedActions.map((action) => (
          <Button
            key={action}
            type={action === 'return' ? 'default' : 'primary'}
            danger={action === 'return'}
            onClick={() => press(action)}
          >
            {label('roundStep', action)}
          </Button>
        ))}
      </Space>
      {dialog === 'nominate' && <Nominate round={round} onClose={() => setDialog(undefined)} />}
      {dialog === 'return' && <ReturnRound round={round} onClose={() => setDialog(undefined)} />}
    </>
  );
}

/** Nominates a member registered here now, or a branch with members registered here, by the residents or the organization. */
function Nominate({ round, onClose }: { round: Round; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewNomination>();
  const kind = Form.useWatch('kind', form) ?? 'member';
  const members = useMembers({ side: 'community', status: 'active', limit: 100, offset: 0 });
  const branches = useBranchesRegisteredHere();
  const subjects = kind === 'member' ? (members.data?.items ?? []) : (branches.data ?? []);
  const { submit, busy, failure } = useFormSubmit(form, async (body) => {
    await takeRoundStep(round.year, round.unitId, 'nominate', body);
    await queryClient.invalidateQueries({ queryKey: ['party'] });
    onClose();
  });
  return (
    <Modal open title={label('roundStep', 'nominate')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<NewNomination>
        form={form}
        name="nominate"
        layout="vertical"
        initialValues={{ kind: 'member' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t('party.round.kind')} name="kind">
          <Select
            options={[
              { value: 'member', label: t('party.round.kindMember') },
              { value: 'branch', label: t('party.round.kindBranch') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('party.round.nominee')} name="subjectId">
          <Select showSearch optionFilterProp="label" options={subjects.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item label={t('party.round.source')} name="source">
          <Select
            options={[
              { value: 'residents', label: t('party.round.sourceResidents') },
              { value: 'organization', label: t('party.round.sourceOrganization') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('party.round.reason')} name="reason">
          <Input.TextArea rows={3} />
        </Form.Item>
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}

/** The district returns a round with its reason. */
function ReturnRound({ round, onClose }: { round: Round; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, busy, failure } = useFormSubmit(form, async (body) => {
    await takeRoundStep(round.year, round.unitId, 'return', body);
    await queryClient.invalidateQueries({ queryKey: ['party'] });
    onClose();
  });
  return (
    <Modal open title={label('roundStep', 'return')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<{ reason: string }> form={form} name="return-round" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('party.round.returnReason')} name="reason">
          <Input.TextArea rows={3} />
        </Form.Item>
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
