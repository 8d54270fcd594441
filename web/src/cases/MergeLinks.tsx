import { Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseView } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

type CaseLink = NonNullable<CaseView['mergedInto']>;

/** "#number title" of a case a merge names: a link when the API gave its id (the caller may open it), its number alone otherwise. */
export function CaseLinkText({ link }: { link: CaseLink }) {
  const text = link.title ? `#${link.number} ${link.title}` : `#${link.number}`;
  return link.id ? <Link to={`/cases/${link.id}`}>{text}</Link> : <Typography.Text>{text}</Typography.Text>;
}

/** Both sides of a merge: the case this one went into, and the duplicates that went into this one. */
export function MergeLinks({ view }: { view: CaseView }) {
  const { t } = useI18n();
  if (!view.mergedInto && view.duplicates.length === 0) return null;
  return (
    <Descriptions
      column={1}
      size="small"
      style={{ marginBottom: 12 }}
      items={[
        ...(view.mergedInto ? [{ key: 'into', label: t('case.mergedInto'), children: <CaseLinkText link={view.mergedInto} /> }] : []),
        ...(view.duplicates.length
          ? [
              {
                key: 'duplicates',
                label: t('case.duplicates'),
                children: (
                  <Space wrap separator="、">
                    {view.duplicates.map((link) => (
                      <CaseLinkText key={link.number} link={link} />
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
