import { Button, Space, Tag } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export type Pending = { file: File; percent: number };

/** A photo button that opens the phone's camera, and a document button; both add to the list. */
export function FileInputs({ files, onChange, disabled }: { files: Pending[]; onChange(files: Pending[]): void; disabled?: boolean }) {
  const { t } = useI18n();
  const photo = useRef<HTMLInputElement>(null);
  const document = useRef<HTMLInputElement>(null);
  const add = (list: FileList | null) => onChange([...files, ...Array.from(list ?? []).map((file) => ({ file, percent: 0 }))]);
  return (
    <div>
      <Space wrap>
        <Button onClick={() => photo.current?.click()} disabled={disabled}>
          {t('file.photo')}
        </Button>
        <Button onClick={() => document.current?.click()} disabled={disabled}>
          {t('file.document')}
        </Button>
      </Space>
      <input
        ref={photo}
        type="file"
        accept="image/*"
        capture="environment"
        aria-label={t('file.photo')}
        data-testid="photo-input"
        style={{ display: 'none' }}
        onChange={(e) => add(e.target.files)}
      />
      <input
        ref={document}
        type="file"
        accept=".pdf,.docx,.xlsx,.txt,image/png,image/jpeg"
        multiple
        aria-label={t('file.document')}
        style={{ display: 'none' }}
        onChange={(e) => add(e.target.files)}
      />
      <div style={{ marginTop: 8 }}>
        {files.map((f, i) => (
          <Tag key={`${f.file.name}-${i}`} closable={!disabled} onClose={() => onChange(files.filter((_, j) => j !== i))}>
            {f.file.name}
          </Tag>
        ))}
      </div>
    </div>
  );
}
