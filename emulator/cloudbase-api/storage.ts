import { fileIdOf, normalisePath, ObjectStorage, pathOfFileId, StorageError } from '../storage';
import { DEFAULT_MAX_AGE_S, StorageUrls } from '../storage-urls';
import { ApiError } from './errors';
import type { ApiActions } from './index';

/** CloudBase caps the file lists of batchGetDownloadUrl / batchDeleteFile at 50. */
const MAX_LIST = 50;

/**
 * CloudBase's storage actions as `@cloudbase/node-sdk` calls them (dist/storage/index.js):
 * - `storage.getUploadMetadata {path, method:'put'}` → `data: {url, token, authorization, fileId,
 *   cosFileId, download_url}`; the SDK then PUTs the bytes to `url` (storage-routes.ts);
 * - `storage.batchGetDownloadUrl {file_list:[{fileid, max_age}]}` → `data.download_list`
 *   `[{fileID, tempFileURL, code, maxAge}]`, an unknown file (or another env's) with
 *   `code: 'STORAGE_FILE_NONEXIST'` and no URL (wx-server-sdk maps it to status -503003);
 * - `storage.batchDeleteFile {fileid_list}` → `data.delete_list` `[{fileID, code}]`, an already
 *   missing file `STORAGE_FILE_NONEXIST` (deleting twice changes nothing).
 */
export function storageActions(storage: ObjectStorage, urls: StorageUrls): ApiActions {
  return {
    'storage.getUploadMetadata': async (p) => {
      const cloudPath = checkedPath(p.path);
      const { url, token, authorization } = urls.upload(cloudPath);
      const fileId = fileIdOf(cloudPath);
      return {
        data: {
          url,
          token,
          authorization,
          fileId,
          cosFileId: `cos-${token.slice(0, 16)}`,
          download_url: urls.download(cloudPath, DEFAULT_MAX_AGE_S),
        },
      };
    },
    'storage.batchGetDownloadUrl': async (p) => {
      const list = checkedList(p.file_list, 'file_list');
      const download_list = list.map((item: any) => {
        const fileID = typeof item === 'string' ? item : item?.fileid;
        const cloudPath = pathOfFileId(fileID);
        if (!cloudPath || !storage.has(cloudPath))
          return {
            fileID,
            tempFileURL: '',
            code: 'STORAGE_FILE_NONEXIST',
            message: 'file not exist',
          };
        const maxAge = maxAgeOf(item?.max_age);
        return { fileID, tempFileURL: urls.download(cloudPath, maxAge), code: 'SUCCESS', maxAge };
      });
      return { data: { download_list } };
    },
    'storage.batchDeleteFile': async (p) => {
      const list = checkedList(p.fileid_list, 'fileid_list');
      const delete_list = [];
      for (const fileID of list) {
        const cloudPath = pathOfFileId(fileID);
        const gone = cloudPath ? await storage.remove(cloudPath) : false;
        delete_list.push(
          gone
            ? { fileID, code: 'SUCCESS' }
            : { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' },
        );
      }
      return { data: { delete_list } };
    },
  };
}

function checkedPath(raw: unknown): string {
  try {
    return normalisePath(raw);
  } catch (e) {
    throw new ApiError('INVALID_PARAM', (e as StorageError).message);
  }
}

function checkedList(raw: unknown, name: string): unknown[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw new ApiError('INVALID_PARAM', `${name} must be a non-empty array`);
  if (raw.length > MAX_LIST)
    throw new ApiError('INVALID_PARAM', `${name} must have at most ${MAX_LIST} items`);
  return raw;
}

function maxAgeOf(raw: unknown): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0
    ? Math.min(Math.floor(n), DEFAULT_MAX_AGE_S)
    : DEFAULT_MAX_AGE_S;
}
