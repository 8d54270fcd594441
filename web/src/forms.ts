import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiFailure } from './api/client.ts';

/**
 * Shows the API's validation messages beside the fields they name (`body.reporter.name` ->
 * the form field ['reporter', 'name'], or the nearest field holding what they name); whatever
 * names no field comes back as text.
 */
export function showApiErrors(form: FormInstance, error: unknown): string | undefined {
  if (!(error instanceof ApiFailure)) return messageOf(error);
  const fields = error.error?.fields ?? [];
  // A message about a part of a field (`body.coordinates.latitude`) shows under the field that holds the part.
  const fieldOf = (path: string) => {
    if (!path.startsWith('body.')) return undefined;
    const name = path.split('.').slice(1);
    while (name.length > 0 && form.getFieldInstance(name) === undefined) name.pop();
    return name.length > 0 ? name : undefined;
  };
  const known = fields.filter((f) => fieldOf(f.path) !== undefined);
  const grouped = new Map<string, { name: string[]; errors: string[] }>();
  for (const f of known) {
    const name = fieldOf(f.path)!;
    const entry = grouped.get(name.join('.')) ?? { name, errors: [] };
    entry.errors.push(f.message);
    grouped.set(name.join('.'), entry);
  }
  form.setFields([...grouped.values()]);
  const rest = fields.filter((f) => !known.includes(f));
  if (known.length > 0 && rest.length === 0) return undefined;
  return [error.message, ...rest.map((f) => `${f.path}: ${f.message}`)].join(' · ');
}

/** Empty inputs are left out of the body rather than sent as "" (the API tells what is missing). */
export function withoutEmpty<T extends object>(values: T): T {
  return JSON.parse(JSON.stringify(values, (_key, value: unknown) => (value === '' || value === null ? undefined : value))) as T;
}

/** What a failed call says to a person: the API's message in their language (ApiFailure), or the error's own. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One step at a time (a button's call, a dialog's submit): busy while it runs, and its failure worded
 * by `word` (the API's message by default); the step does what follows success (refresh, close) itself.
 */
export function useAction<A extends unknown[]>(
  step: (...args: A) => Promise<unknown>,
  word: (error: unknown) => string | undefined = messageOf,
) {
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (...args: A) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await step(...args);
    } catch (error) {
      setFailure(word(error));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, failure };
}

/**
 * A dialog's submit: busy while `action` runs, the API's messages beside the fields on failure
 * (and the rest as `failure`); `action` does what follows success (close, refresh) itself.
 */
export function useFormSubmit<T>(form: FormInstance<T>, action: (values: T) => Promise<void>) {
  const { run, busy, failure } = useAction(action, (error) => showApiErrors(form, error));
  return { submit: run, busy, failure };
}

const newIdempotencyKey = () => `web-${crypto.randomUUID()}`;

/**
 * The Idempotency-Key of one thing being created: the same across retries of its submission (a lost
 * answer creates nothing twice), a new one once it was created.
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(newIdempotencyKey);
  return { key, renew: () => setKey(newIdempotencyKey()) };
}
