import { useState, type Ref } from 'react';
import { Alert, Button, InputNumber, Space } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { Filing } from './draft.ts';

type Coordinates = NonNullable<Filing['coordinates']>;
type Part = keyof Coordinates;

/** Six decimals is about ten centimetres: what a phone's fix is worth and more. */
const PRECISION = 6;
const round = (degrees: number) => Number(degrees.toFixed(PRECISION));
/** How long the phone may look for a fix before the clerk is told it has none. */
const FIX_TIMEOUT_MS = 20_000;

type Refusal = 'file.positionDenied' | 'file.positionUnavailable';

/** Asks the browser for where the phone is; a refusal says why in the words a clerk reads. */
function currentPosition(): Promise<Coordinates> {
  return new Promise((resolve, reject: (reason: Refusal) => void) => {
    if (!('geolocation' in navigator)) {
      reject('file.positionUnavailable');
      return;
    }
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ latitude: round(coords.latitude), longitude: round(coords.longitude) }),
      (error) => reject(error.code === error.PERMISSION_DENIED ? 'file.positionDenied' : 'file.positionUnavailable'),
      { enableHighAccuracy: true, timeout: FIX_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

/**
 * The point beside the written place (WGS 84 degrees), typed or taken from the phone's position with
 * the clerk's permission; nothing here needs a map service. Which points are allowed (the ranges, the
 * district's box) is the API's to say: its message shows under the field (web/src/forms.ts).
 */
export function PositionField({
  ref,
  value,
  onChange,
  id,
}: {
  value?: Partial<Coordinates>;
  onChange?(value: Partial<Coordinates> | undefined): void;
  id?: string;
  /** Form.Item's handle on the field, so the API's message for the point shows under it. */
  ref?: Ref<HTMLButtonElement>;
}) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();

  const set = (part: Part, degrees: number | null) => {
    const next = { ...value, [part]: degrees ?? undefined };
    onChange?.(next.latitude === undefined && next.longitude === undefined ? undefined : next);
  };
  const takeMyPosition = async () => {
    setLocating(true);
    setRefusal(undefined);
    try {
      onChange?.(await currentPosition());
    } catch (reason) {
      setRefusal(reason as Refusal);
    } finally {
      setLocating(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber<number>
          id={id}
          aria-label={t('file.latitude')}
          placeholder={t('file.latitude')}
          value={value?.latitude ?? null}
          onChange={(degrees) => set('latitude', degrees)}
          step={0.000001}
          style={{ width: 170 }}
        />
        <InputNumber<number>
          aria-label={t('file.longitude')}
          placeholder={t('file.longitude')}
          value={value?.longitude ?? null}
          onChange={(degrees) => set('longitude', degrees)}
          step={0.000001}
          style={{ width: 170 }}
        />
        <Button ref={ref} onClick={() => void takeMyPosition()} loading={locating}>
          {t('file.useMyPosition')}
        </Button>
        {value && (
          <Button type="link" onClick={() => onChange?.(undefined)}>
            {t('file.clearPosition')}
          </Button>
        )}
      </Space>
      {refusal && <Alert type="warning" role="alert" showIcon title={t(refusal)} />}
    </Space>
  );
}
