import { cloud } from '../repos/db';
import type { Files } from '../ports';

/** CloudBase's cap on the file list of one getTempFileURL / deleteFile call. */
const CHUNK = 50;
/** wx-server-sdk's status for a file that does not exist (TCB_ERR_CODE.STORAGE_FILE_NONEXIST). */
const FILE_NONEXIST = -503003;

interface SdkFileStatus {
  fileID: string;
  status: number;
  errMsg?: string;
  tempFileURL?: string;
}

/**
 * CloudBase storage through wx-server-sdk — the one implementation of `Files`, in CloudBase and
 * against the emulator (which serves the same storage actions and signed URLs):
 * put = uploadFile, get = downloadFile, remove = deleteFile (an already missing file is no
 * error), tempUrls = getTempFileURL in chunks of 50.
 */
export function sdkFiles(): Files {
  return {
    async put(cloudPath, bytes) {
      const res = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
      return res.fileID;
    },
    async get(fileId) {
      const res = await cloud.downloadFile({ fileID: fileId });
      return res.fileContent as Buffer;
    },
    async remove(fileIds) {
      for (const ids of chunks(fileIds)) {
        const res = (await cloud.deleteFile({ fileList: ids })) as { fileList: SdkFileStatus[] };
        const failed = res.fileList.find((f) => f.status !== 0 && f.status !== FILE_NONEXIST);
        if (failed)
          throw new Error(`deleteFile ${failed.fileID}: ${failed.status} ${failed.errMsg}`);
      }
    },
    async tempUrls(fileIds, maxAgeSeconds) {
      const out: Record<string, string> = {};
      for (const ids of chunks(fileIds)) {
        const res = (await cloud.getTempFileURL({
          fileList: ids.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) as any,
        })) as { fileList: SdkFileStatus[] };
        for (const f of res.fileList)
          if (f.status === 0 && f.tempFileURL) out[f.fileID] = f.tempFileURL;
      }
      return out;
    },
    envId: () => currentEnv(),
  };
}

/**
 * The environment this function runs in. CloudBase sets TCB_ENV (and SCF_NAMESPACE) in every
 * function's environment — wx-server-sdk's DYNAMIC_CURRENT_ENV and getWXContext().ENV read the
 * same two variables; the emulator sets both to `local-emulator` (emulator/server.ts).
 */
export function currentEnv(): string {
  const env = process.env.TCB_ENV || process.env.SCF_NAMESPACE || cloud.getWXContext().ENV;
  if (!env) throw new Error('the CloudBase environment is unknown (TCB_ENV)');
  return env;
}

function chunks(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)];
  const out: string[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(unique.slice(i, i + CHUNK));
  return out;
}
