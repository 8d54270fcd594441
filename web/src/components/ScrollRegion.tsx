import type { ReactNode } from 'react';

/**
 * A wide table's frame that scrolls sideways on a narrow screen. It takes the keyboard focus itself, so
 * the hidden columns can be scrolled to without a mouse even when the rows hold no button or link
 * (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}
