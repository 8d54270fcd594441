import { jpegName, shrunkSize } from './photo-size.ts';

/**
 * Shrinks a photo on the phone to spare mobile data: drawn upright (the camera's EXIF orientation applied, so the
 * picture keeps the way it was taken) at a long side of about 2,000 px, as JPEG. A photo already that small, a file
 * that is not a picture the browser can read, or a result no smaller than the original, is sent as it is; the server
 * still holds its own size limit.
 */
export async function shrinkPhoto(file: File): Promise<File> {
  if (!file.type.startsWith('image/')) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const size = shrunkSize(bitmap.width, bitmap.height);
    if (size.width === bitmap.width && size.height === bitmap.height) return file;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob && blob.size < file.size ? new File([blob], jpegName(file.name), { type: 'image/jpeg' }) : file;
  } finally {
    bitmap.close();
  }
}
