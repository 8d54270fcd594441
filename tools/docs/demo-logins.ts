import { DEMO_UNITS, DEMO_USERS } from '../../domain/directory/seed.ts';
import { code, table } from './regions.ts';

/** The README's demo logins, from the seed `npm start` writes on its first run (domain/directory/seed.ts). */
export function demoLoginTable(): string {
  const units = new Map(DEMO_UNITS.map((unit) => [unit.code, unit]));
  return table(
    ['login', 'who', 'unit'],
    DEMO_USERS.map((user) => {
      const unit = units.get(user.unit);
      if (!unit) throw new Error(`domain/directory/seed.ts: ${user.email} names no demo unit ${user.unit}`);
      return [code(user.email), `${user.displayName.zh} (${user.displayName.en})`, `${unit.name.zh} (${unit.name.en})`];
    }),
  );
}
