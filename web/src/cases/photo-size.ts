/** The long side a photo is brought down to before upload: enough to read a sign or a meter, a fraction of a phone camera's bytes. */
export const PHOTO_LONG_SIDE = 2000;

/** The size a photo of `width` x `height` is drawn at: the same when its long side is within `longSide`, else scaled to it. */
export function shrunkSize(width: number, height: number, longSide = PHOTO_LONG_SIDE): { width: number; height: number } {
  const scale = longSide / Math.max(width, height);
  if (scale >= 1) return { width, height };
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A JPEG's name for what was another kind of image ("IMG_1.HEIC" -> "IMG_1.jpg"). */
export const jpegName = (name: string) => `${name.replace(/\.[^./\\]+$/, '')}.jpg`;
