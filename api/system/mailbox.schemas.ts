import { z } from 'zod';

export const mailListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const mailListView = z.object({
  embeddedSmtp: z.boolean(),
  messages: z.array(
    z.object({
      messageId: z.string().nullable(),
      from: z.string().nullable(),
      to: z.array(z.string()),
      subject: z.string(),
      text: z.string(),
      attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), bytes: z.number().int() })),
      receivedAt: z.iso.datetime(),
    }),
  ),
});
