import { Modal, Typography } from 'antd';

/**
 * A secret the API shows this once (an api_key, a signing secret): copyable while the dialog is open,
 * gone from the screen once it is closed, because the server keeps only its hash or will not send it again.
 */
export function ShownOnce({ secret, title, hint, onClose }: { secret: string | undefined; title: string; hint: string; onClose(): void }) {
  return (
    <Modal open={secret !== undefined} title={title} onOk={onClose} onCancel={onClose} cancelButtonProps={{ hidden: true }} destroyOnHidden>
      <Typography.Paragraph copyable code data-testid="shown-once">
        {secret}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
    </Modal>
  );
}
