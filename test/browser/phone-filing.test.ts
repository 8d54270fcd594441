import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.ts';
import { binary } from '../support/spreadsheets.ts';
import { browserStackFor, expectAccessible, fillFiling, signIn, zhText } from './support/browser.ts';

const stack = browserStackFor(import.meta.filename);

/** People's Square, Shanghai: what the phone says its position is (WGS 84). */
const SQUARE = { latitude: 31.2304, longitude: 121.4737 };

/** The case as the API gives it to East Street Office, from the case page the filing landed on. */
async function filedCase(page: Page) {
  await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  const { sys } = stack();
  const east = await sys.login('east@ledger.test');
  return (await sys.http.get(`/cases/${id}`).set('Authorization', east)).body as {
    id: string;
    title: string;
    coordinates: { latitude: number; longitude: number } | null;
    attachments: Array<{ id: string; fileName: string; contentType: string; sizeBytes: number }>;
  };
}

/**
 * A photo as a phone camera makes it, drawn in the page and encoded by Chromium: `width` x `height`
 * of noise over a gradient (so it does not compress away), a red square in its top-left corner.
 */
async function cameraPicture(page: Page, type: 'image/jpeg' | 'image/png', width: number, height: number): Promise<Buffer> {
  // Run in the page (this file is compiled without the DOM's types).
  const base64 = await page.evaluate<string>(`(async () => {
    const [type, width, height] = ${JSON.stringify([type, width, height])};
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    const pixels = context.createImageData(width, height);
    for (let i = 0; i < pixels.data.length; i += 4) {
      const x = (i / 4) % width;
      pixels.data[i] = Math.random() * 80;
      pixels.data[i + 1] = 60 + (x / width) * 120 + Math.random() * 60;
      pixels.data[i + 2] = 200 - Math.random() * 60;
      pixels.data[i + 3] = 255;
    }
    context.putImageData(pixels, 0, 0);
    context.fillStyle = '#ff0000';
    context.fillRect(0, 0, width / 10, width / 10);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type, quality: 0.92 })).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  })()`);
  return Buffer.from(base64, 'base64');
}

/**
 * The JPEG with an Exif segment saying it is to be shown turned a quarter clockwise (orientation 6),
 * as a phone held upright writes a picture its sensor took sideways.
 */
function turnedQuarterClockwise(jpeg: Buffer): Buffer {
  // "Exif\0\0", a big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 1 value: 6.
  const tiff = Buffer.from('4d4d002a00000008' + '0001' + '011200030000000100060000' + '00000000', 'hex');
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 0]), body]);
  app1.writeUInt16BE(body.length + 2, 2);
  // After the SOI marker and the JFIF segment that Chromium writes first.
  const afterJfif = jpeg[3] === 0xe0 ? 4 + jpeg.readUInt16BE(4) : 2;
  return Buffer.concat([jpeg.subarray(0, afterJfif), app1, jpeg.subarray(afterJfif)]);
}

/** A JPEG's width and height, from its frame header. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('no frame header in the JPEG');
}

/** Whether the picture is red near its top-left and its top-right corners, as the page decodes it. */
async function redCorners(page: Page, picture: Buffer): Promise<{ topLeft: boolean; topRight: boolean }> {
  return page.evaluate<{ topLeft: boolean; topRight: boolean }>(`(async () => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(picture.toString('base64'))}), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const red = (x, y) => {
      const [r, g, b] = context.getImageData(x, y, 1, 1).data;
      return r > 200 && g < 80 && b < 80;
    };
    return { topLeft: red(20, 20), topRight: red(bitmap.width - 20, 20) };
  })()`);
}

const degreesIn = async (page: Page, key: 'file.latitude' | 'file.longitude') => {
  const shown = await page.getByLabel(zhText(key), { exact: true }).inputValue();
  return shown === '' ? null : Number(shown);
};

describe('filing from a phone in the street', () => {
  it('takes the phone’s position when the clerk allows it, and the case is filed with those coordinates', async () => {
    const page = await stack().newPage(375);
    await page.context().grantPermissions(['geolocation'], { origin: stack().baseUrl });
    await page.context().setGeolocation(SQUARE);
    await signIn(page, 'east@ledger.test');
    await page.goto('/app/cases/new');
    const title = '定位登记：人民广场路灯不亮';
    await fillFiling(page, { title, category: '市政设施', location: '人民广场东侧', urgent: false });

    await page.getByRole('button', { name: zhText('file.useMyPosition') }).click();
    await expect.poll(() => degreesIn(page, 'file.latitude'), { timeout: 15_000 }).toBe(SQUARE.latitude);
    expect(await degreesIn(page, 'file.longitude')).toBe(SQUARE.longitude);
    await expectAccessible(page, 'file-with-position-375');
    await page.getByRole('button', { name: zhText('file.submit') }).click();

    const filed = await filedCase(page);
    expect({ title: filed.title, coordinates: filed.coordinates }).toEqual({ title, coordinates: SQUARE });
    // The case page shows the point beside the written place.
    await page
      .getByText(zhText('case.coordinates').replace('{latitude}', String(SQUARE.latitude)).replace('{longitude}', String(SQUARE.longitude)))
      .waitFor();
  });

  it('says why when the position may not be used, and files the case without coordinates', async () => {
    const page = await stack().newPage(375);
    // No permission granted: the browser refuses the page its position, as when a clerk says no.
    await page.context().clearPermissions();
    await signIn(page, 'east@ledger.test');
    await page.goto('/app/cases/new');
    const title = '定位登记：未允许定位';
    await fillFiling(page, { title, category: '市政设施', location: '人民广场西侧', urgent: false });

    await page.getByRole('button', { name: zhText('file.useMyPosition') }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: zhText('file.positionDenied') })
      .waitFor();
    expect([await degreesIn(page, 'file.latitude'), await degreesIn(page, 'file.longitude')]).toEqual([null, null]);
    await expectAccessible(page, 'file-position-denied-375');
    await page.getByRole('button', { name: zhText('file.submit') }).click();

    const filed = await filedCase(page);
    expect({ title: filed.title, coordinates: filed.coordinates }).toEqual({ title, coordinates: null });
  });

  it('shrinks large photos before sending them: long side 2,000 px, as JPEG, the way the picture was taken kept', async () => {
    const page = await stack().newPage(375);
    await signIn(page, 'east@ledger.test');
    await page.goto('/app/cases/new');
    // Taken with the phone upright: stored 4000 x 3000, shown 3000 x 4000.
    const turned = turnedQuarterClockwise(await cameraPicture(page, 'image/jpeg', 4000, 3000));
    // A screenshot-like PNG the server would refuse as it is (over its size limit).
    const meter = await cameraPicture(page, 'image/png', 3000, 2000);
    expect(meter.length).toBeGreaterThan(loadConfig({}).attachments.maxBytes);
    const title = '照片登记：水表读数';
    await fillFiling(page, { title, category: '市政设施', location: '幸福路20号', urgent: false });
    await page.getByTestId('photo-input').setInputFiles({ name: 'turned.jpg', mimeType: 'image/jpeg', buffer: turned });
    await page.getByTestId('photo-input').setInputFiles({ name: 'meter.png', mimeType: 'image/png', buffer: meter });
    await page.getByRole('button', { name: zhText('file.submit') }).click();

    const filed = await filedCase(page);
    const { sys } = stack();
    const east = await sys.login('east@ledger.test');
    const sent = new Map<string, { contentType: string; bytes: Buffer }>();
    for (const attachment of filed.attachments) {
      const answer = await sys.http
        .get(`/cases/${filed.id}/attachments/${attachment.id}`)
        .set('Authorization', east)
        .buffer(true)
        .parse(binary as never);
      sent.set(attachment.fileName, { contentType: attachment.contentType, bytes: answer.body as Buffer });
    }
    expect([...sent.keys()].sort()).toEqual(['meter.jpg', 'turned.jpg']);
    const photo = sent.get('turned.jpg')!;
    expect(photo.contentType).toBe('image/jpeg');
    expect(photo.bytes.length).toBeLessThan(turned.length);
    expect(jpegSize(photo.bytes)).toEqual({ width: 1500, height: 2000 });
    // The red corner the sensor saw top-left is top-right once turned, as the clerk saw it.
    expect(await redCorners(page, photo.bytes)).toEqual({ topLeft: false, topRight: true });
    const png = sent.get('meter.jpg')!;
    expect(png.contentType).toBe('image/jpeg');
    expect(jpegSize(png.bytes)).toEqual({ width: 2000, height: 1333 });
    expect(await redCorners(page, png.bytes)).toEqual({ topLeft: true, topRight: false });
  });
});
