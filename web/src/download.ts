import { apiHeaders } from './api/client.ts';

/** Downloads through fetch, as files need the bearer token a plain link cannot carry. */
export async function downloadWithAuth(url: string, fallbackName: string): Promise<boolean> {
  const response = await fetch(url, { headers: apiHeaders() });
  if (!response.ok) return false;
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? /filename="([^"]+)"/.exec(disposition)?.[1];
  const url2 = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url2;
  link.download = name ? decodeURIComponent(name) : fallbackName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url2), 10_000);
  return true;
}
