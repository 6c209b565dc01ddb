import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

export interface Upload {
  filePath: string;
  fileName: string;
  fields: Record<string, string>;
  /** Deletes the stored file. */
  discard(): Promise<void>;
}

/**
 * Streams a multipart upload's one file to a private temporary file (never into memory) and
 * collects its text fields. Refuses a missing file and one over the size cap (TRUST SC-9).
 */
export async function receiveUpload(
  request: FastifyRequest,
  uploadsDir: string,
  maxBytes: number,
): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data with a "file" field',
    );
  }
  await mkdir(uploadsDir, { recursive: true, mode: 0o700 });
  const fields: Record<string, string> = {};
  let stored: { filePath: string; fileName: string } | undefined;
  for await (const part of request.parts({
    limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
  })) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const filePath = path.join(uploadsDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    await pipeline(part.file, createWriteStream(filePath, { mode: 0o600 }));
    if (part.file.truncated) {
      await rm(filePath, { force: true });
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`,
      );
    }
    stored = { filePath, fileName: path.basename(part.filename || 'upload') };
  }
  if (!stored) throw new AppError('VALIDATION_FAILED', 'No file was sent', { field: 'file' });
  const { filePath } = stored;
  return { ...stored, fields, discard: () => rm(filePath, { force: true }) };
}
