import { useEffect, useState } from 'react';
import { onDraftsChanged, userDrafts, type Draft } from './draft-store.ts';

/** The user's drafts as IndexedDB holds them, following every change (this tab's and the others'). */
export function useDrafts(userId: string): Draft[] | undefined {
  const [drafts, setDrafts] = useState<Draft[]>();
  useEffect(() => {
    let current = true;
    const load = () => void userDrafts(userId).then((list) => current && setDrafts(list));
    load();
    const stop = onDraftsChanged(load);
    return () => {
      current = false;
      stop();
    };
  }, [userId]);
  return drafts;
}

/** Whether the browser has a connection, following it as it comes and goes. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
