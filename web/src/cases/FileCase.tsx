import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Progress, Radio, Space, Switch, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type paths } from '../api/client.ts';
import { uploadAttachment } from '../api/upload.ts';
import { showApiErrors, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { FileInputs, type Pending } from '../components/FileInputs.tsx';
import { reasonsText } from './look-alike-reasons.ts';

/** How much of the description the look-alike query takes: its beginning (GET /look-alikes takes 300 at most). */
const LOOK_ALIKE_DESCRIPTION = 300;

type Filing = NonNullable<paths['/cases']['post']['requestBody']>['content']['application/json'];

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/** Filing a case, on a desk or on a phone in the street: the photo input opens the camera. */
export default function FileCase() {
  const { t, language } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filing>();
  // One key per form: a retried submission (double click, lost answer) files the case once.
  const idempotencyKey = useMemo(() => `web-${crypto.randomUUID()}`, []);
  const [files, setFiles] = useState<Pending[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const title = useDebounced(Form.useWatch('title', form) ?? '', 400);
  const category = useDebounced(Form.useWatch('category', form) ?? '', 400);
  const location = useDebounced(Form.useWatch('location', form) ?? '', 400);
  const description = useDebounced(Form.useWatch('description', form) ?? '', 400);
  // The title is enough to look; the place, the category and the description sharpen it.
  const draft = withoutEmpty({
    title: title.trim(),
    category: category.trim(),
    location: location.trim(),
    description: description.trim().slice(0, LOOK_ALIKE_DESCRIPTION),
  });
  const lookAlikes = useQuery({
    queryKey: ['look-alikes', draft],
    enabled: (draft.title ?? '').length >= 2,
    queryFn: async () => unwrap(await api.GET('/look-alikes', { params: { query: draft } })).items,
  });

  const submit = async (values: Filing) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const filed = unwrap(
        await api.POST('/cases', {
          body: withoutEmpty({ ...values, urgent: values.urgent ?? false }),
          params: { header: { 'idempotency-key': idempotencyKey } },
        }),
      );
      for (const [index, pending] of files.entries()) {
        await uploadAttachment(`/cases/${encodeURIComponent(filed.id)}/attachments`, pending.file, (percent) =>
          setFiles((current) => current.map((f, i) => (i === index ? { ...f, percent } : f))),
        );
      }
      void navigate(`/cases/${filed.id}`);
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
                      <Link to={`/cases/${c.id}`} target="_blank">
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
          <Input type="date" style={{ maxWidth: 200 }} />
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
            <Form.Item label={t('case.reporterContact')} name={['reporter', 'contact']}>
              <Input type="tel" />
            </Form.Item>
            <Form.Item label={t('case.reporterEmail')} name={['reporter', 'email']}>
              <Input type="email" />
            </Form.Item>
          </Space>
        </fieldset>
        <FileInputs files={files} onChange={setFiles} disabled={busy} />
        {files.some((f) => f.percent > 0) && (
          <List
            size="small"
            dataSource={files}
            renderItem={(f) => (
              <List.Item>
                {f.file.name} <Progress percent={f.percent} size="small" style={{ width: 160 }} />
              </List.Item>
            )}
          />
        )}
        {failure && <Alert type="error" role="alert" title={failure} style={{ margin: '12px 0' }} />}
        <Button type="primary" htmlType="submit" loading={busy} size="large" style={{ marginTop: 12 }}>
          {t('file.submit')}
        </Button>
      </Form>
    </section>
  );
}
