import type { Db } from '../../lib/db.ts';
import { invalidField, notFound } from '../../lib/errors.ts';
import type { AuthenticatedUser } from './auth.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/**
 * The user's own password change: the current password proves it is them; the new one (already held
 * to the password rule by the API's schema) must differ from it. Clears the first-sign-in demand.
 */
export async function changePassword(prisma: Db, user: AuthenticatedUser, currentPassword: string, newPassword: string) {
  const row = await prisma.user.findUnique({ where: { id: user.id } });
  if (!row) throw notFound('user');
  if (!(await verifyPassword(currentPassword, row.passwordHash)))
    throw invalidField('body.currentPassword', { zh: '当前密码不正确', en: 'the current password is wrong' });
  if (newPassword === currentPassword)
    throw invalidField('body.newPassword', { zh: '新密码不能与当前密码相同', en: 'choose a password other than the current one' });
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false } });
}
