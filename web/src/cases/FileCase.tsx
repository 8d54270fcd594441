import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Radio, Space, Switch, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiFailure, unwrap } from '../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { showApiErrors, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { FileInputs, type Pending } from '../components/FileInputs.tsx';
import { moveDraft } from './draft-states.ts';
import { putDraft, readDraft, type Draft, type DraftPhoto, type Filing } from './draft-store.ts';
import { sendDraftNow, wakeDraftSync } from './draft-sync.ts';
import { DateField } from '../components/DateField.tsx';
import { reasonsText } from './look-alike-reasons.ts';
import { shrinkPhoto } from './shrink-photo.ts';
import { PositionField } from './PositionField.tsx';
import { PHONE_NUMBER, PHONE_NUMBER_WORDS } from '../api/generated/vocabulary.ts';

/** How much of the description the look-alike query takes: its beginning (GET /look-alikes takes 300 at most). */
const LOOK_ALIKE_DESCRIPTION = 300;

const newKey = () => `web-${crypto.randomUUID()}`;

/** The files of the form as a draft keeps them: photos shrunk, each with the key it will be uploaded under. */
async function draftPhotos(files: Pending[]): Promise<DraftPhoto[]> {
  return Promise.all(
    files.map(async ({ file }) => {
      const sent = await shrinkPhoto(file);
      return { key: newKey(), name: sent.name, type: sent.type || 'application/octet-stream', blob: sent, sent: false };
    }),
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/**
 * Filing a case, on a desk or on a phone in the street: the photo input opens the camera. What the clerk files is
 * kept as a draft in the browser first (draft-store.ts) and sent from there, so no signal only means "waiting to
 * send"; `?draft=<id>` opens a refused draft again, with the API's field errors under the fields.
 */
export default function FileCase() {
  const { t, language } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const user = useUser();
  const [form] = Form.useForm<Filing>();
  const [searchParams] = useSearchParams();
  const draftId = searchParams.get('draft');
  // The draft this form files: made with its key the first time the clerk files, kept when a refused one is corrected.
  const [draft, setDraft] = useState<Draft>();
  const fresh = useMemo(() => ({ id: crypto.randomUUID(), idempotencyKey: newKey() }), []);
  const [files, setFiles] = useState<Pending[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!draftId) return;
    void readDraft(draftId).then((kept) => {
      if (!kept || kept.userId !== user.id) return;
      setDraft(kept);
      form.setFieldsValue(kept.filing);
      setFiles(kept.photos.map((p) => ({ file: new File([p.blob], p.name, { type: p.type }), percent: 0 })));
      if (kept.refusal) setFailure(showApiErrors(form, new ApiFailure(kept.refusal.status, kept.refusal.error)));
    });
  }, [draftId, user.id, form]);

  const title = useDebounced(Form.useWatch('title', form) ?? '', 400);
  const category = useDebounced(Form.useWatch('category', form) ?? '', 400);
  const location = useDebounced(Form.useWatch('location', form) ?? '', 400);
  const description = useDebounced(Form.useWatch('description', form) ?? '', 400);
  // The title is enough to look; the place, the category and the description sharpen it.
  const lookFor = withoutEmpty({
    title: title.trim(),
    category: category.trim(),
    location: location.trim(),
    description: description.trim().slice(0, LOOK_ALIKE_DESCRIPTION),
  });
  const lookAlikes = useQuery({
    queryKey: ['look-alikes', lookFor],
    enabled: (lookFor.title ?? '').length >= 2,
    queryFn: async () => unwrap(await api.GET('/look-alikes', { params: { query: lookFor } })).items,
  });

  const submit = async (values: Filing) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const kept: Draft = {
        id: draft?.id ?? fresh.id,
        userId: user.id,
        idempotencyKey: draft?.idempotencyKey ?? fresh.idempotencyKey,
        state: moveDraft(draft?.state ?? null, draft ? 'resubmit' : 'save') ?? 'waiting',
        filing: withoutEmpty({ ...values, urgent: values.urgent ?? false }),
        photos: await draftPhotos(files),
        savedAt: new Date().toISOString(),
      };
      await putDraft(kept);
      setDraft(kept);
      const result = await sendDraftNow(kept.id);
      if (result?.caseId && !result.draft) {
        void navigate(`/cases/${result.caseId}`);
      } else if (result?.draft?.state === 'refused' && result.draft.refusal) {
        setDraft(result.draft);
        const { status, error } = result.draft.refusal;
        setFailure(showApiErrors(form, new ApiFailure(status, error)));
      } else {
        // No way through now (or a photo still to send): the drafts screen says "waiting to send" until it goes.
        wakeDraftSync();
        void navigate('/cases/drafts');
      }
    } catch (error) {
      setFailure(showApiErrors(form, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="file-title" style={{ maxWidth: 760 }}>
      <Typography.Title level={1} id="file-title" style={{ fontSize: 22 }}>
        {t('nav.file')}
      </Typography.Title>
      <Form<Filing> form={form} layout="vertical" initialValues={{ kind: 'hard_problem', urgent: false }} onFinish={(v) => void submit(v)}>
        <Form.Item label={t('case.kind')} name="kind">
          <Radio.Group optionType="button" options={codesOf('kind').map((k) => ({ value: k, label: label('kind', k) }))} />
        </Form.Item>
        <Form.Item label={t('file.urgent')} name="urgent" valuePropName="checked" extra={t('file.urgentHint')}>
          <Switch />
        </Form.Item>
        <Form.Item label={t('case.title')} name="title">
          <Input />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 240px' } }}>
          <Form.Item label={t('case.category')} name="category">
            <Input />
          </Form.Item>
          <Form.Item label={t('case.location')} name="location">
            <Input />
          </Form.Item>
        </Space>
        <Form.Item label={t('file.position')} name="coordinates" extra={t('file.positionHint')}>
          <PositionField />
        </Form.Item>
        {lookAlikes.data && lookAlikes.data.length > 0 && (
          <Alert
            type="info"
            role="status"
            style={{ marginBottom: 16 }}
            title={t('file.lookAlikes')}
            description={
              <List
                size="small"
                dataSource={lookAlikes.data}
                renderItem={(c) => (
                  <List.Item>
                    {c.id ? (
                      // Underlined: inside a line of text, a link must not be told apart by its colour alone (axe).
                      <Link to={`/cases/${c.id}`} target="_blank" style={{ textDecoration: 'underline' }}>
                        #{c.number} {c.title}
                      </Link>
                    ) : (
                      // Another unit's case: the district can merge it by number; its text is not ours to show.
                      <span>#{c.number}</span>
                    )}
                    {c.status ? ` · ${label('status', c.status)}` : ''}
                    {c.reasons.length > 0 && <Typography.Text type="secondary"> · {reasonsText(c.reasons, t, language)}</Typography.Text>}
                  </List.Item>
                )}
              />
            }
          />
        )}
        <Form.Item label={t('case.description')} name="description">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('case.foundOn')} name="foundOn">
          <DateField />
        </Form.Item>
        <Form.Item label={t('case.triedLocally')} name="triedLocally">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('case.helpNeeded')} name="helpNeeded">
          <Input.TextArea rows={2} />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 16, marginBottom: 8 }}>{t('case.reporter')}</legend>
          <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 200px' } }}>
            <Form.Item label={t('case.reporterName')} name={['reporter', 'name']}>
              <Input />
            </Form.Item>
            <Form.Item
              label={t('case.reporterContact')}
              name={['reporter', 'contact']}
              rules={[
                {
                  // The API's own rule (generated from model/text.ts), checked as the API does: trimmed, when given.
                  validator: async (_, value?: string) => {
                    if (value?.trim() && !PHONE_NUMBER.test(value.trim())) throw new Error(PHONE_NUMBER_WORDS[language]);
                  },
                },
              ]}
            >
              <Input type="tel" />
            </Form.Item>
            <Form.Item label={t('case.reporterEmail')} name={['reporter', 'email']}>
              <Input type="email" />
            </Form.Item>
          </Space>
        </fieldset>
        <FileInputs files={files} onChange={setFiles} disabled={busy} />
        {draft?.state === 'refused' && <Alert type="warning" role="status" title={t('drafts.refusedHint')} style={{ margin: '12px 0' }} />}
        {failure && <Alert type="error" role="alert" title={failure} style={{ margin: '12px 0' }} />}
        <Button type="primary" htmlType="submit" loading={busy} size="large" style={{ marginTop: 12 }}>
          {t('file.submit')}
        </Button>
      </Form>
    </section>
  );
}
