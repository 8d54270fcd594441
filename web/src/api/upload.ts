import { ApiFailure, apiHeaders, type ApiError } from './client.ts';

/**
 * Uploads one file as the request body of POST `path` (a case's or an activity's attachments). XMLHttpRequest, because
 * fetch reports no upload progress. Header values must be Latin-1, so other names are percent-encoded.
 */
export function uploadAttachment(path: string, file: File, onProgress: (percent: number) => void, idempotencyKey?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(apiHeaders())) xhr.setRequestHeader(name, value);
    // Sent again with its key (a draft's photo after a lost answer), the same file is attached once.
    if (idempotencyKey) xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', /^[\x20-\x7e]+$/.test(file.name) ? file.name : encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    xhr.onload = () => {
      if (xhr.status < 300) {
        onProgress(100);
        resolve();
        return;
      }
      let error: ApiError | undefined;
      try {
        error = (JSON.parse(xhr.responseText) as { error?: ApiError }).error;
      } catch {
        error = undefined;
      }
      reject(new ApiFailure(xhr.status, error));
    };
    xhr.onerror = () => reject(new ApiFailure(0, undefined));
    xhr.send(file);
  });
}
