/**
 * The mini-program's own storage calls, `wx.cloud.uploadFile` and `wx.cloud.getTempFileURL`, in
 * both modes of config.ts: in `cloud` mode they are WeChat's; in `local` mode the same calls,
 * with the same options, callbacks and UploadTask, reach the emulator of `npm start` (its
 * client routes, acting as the demo identity). The bucket's rule applies in both: a client
 * uploads only to a path the backend reserved, and reads back only its own uploads
 * (cloudfunctions/_shared/repos/storage-spec.ts); every other file's address comes from the
 * `media` function. The one place that knows how the phone reaches storage.
 */
import { backendConfig } from '../config';
import { getDevOpenid } from './dev-identity';

export interface UploadOptions {
  cloudPath: string;
  filePath: string;
  success?: (r: { fileID: string; statusCode: number }) => void;
  fail?: (e: { errMsg: string }) => void;
}

export interface TempUrlItem {
  fileID: string;
  tempFileURL: string;
  status: number;
  errMsg: string;
}

export interface TempUrlOptions {
  fileList: (string | { fileID: string; maxAge: number })[];
  success?: (r: { fileList: TempUrlItem[] }) => void;
  fail?: (e: { errMsg: string }) => void;
}

interface Storage {
  uploadFile(o: UploadOptions): WechatMiniprogram.UploadTask | undefined;
  getTempFileURL(o: TempUrlOptions): void;
}

const wechat: Storage = {
  uploadFile: (o) => wx.cloud.uploadFile(o as never) as WechatMiniprogram.UploadTask | undefined,
  getTempFileURL: (o) => void wx.cloud.getTempFileURL(o as never),
};

const emulator: Storage = {
  uploadFile(o) {
    return wx.uploadFile({
      url: `${backendConfig.emulatorUrl}/__emulator/storage/upload`,
      filePath: o.filePath,
      name: 'file',
      formData: { cloudPath: o.cloudPath },
      header: { 'X-WX-OPENID': getDevOpenid() },
      timeout: 120000,
      success: (r) => {
        const fileID = r.statusCode === 200 ? fileIdOf(r.data) : '';
        if (fileID) o.success?.({ fileID, statusCode: 200 });
        else o.fail?.({ errMsg: `cloud.uploadFile:fail status ${r.statusCode}` });
      },
      fail: (e) => o.fail?.({ errMsg: e.errMsg }),
    });
  },
  getTempFileURL(o) {
    wx.request({
      url: `${backendConfig.emulatorUrl}/__emulator/storage/temp-url`,
      method: 'POST',
      data: { fileList: o.fileList },
      header: { 'content-type': 'application/json', 'X-WX-OPENID': getDevOpenid() },
      success: (r) => {
        const list = (r.data as { fileList?: TempUrlItem[] } | null)?.fileList;
        if (r.statusCode === 200 && Array.isArray(list)) o.success?.({ fileList: list });
        else o.fail?.({ errMsg: `cloud.getTempFileURL:fail status ${r.statusCode}` });
      },
      fail: (e) => o.fail?.({ errMsg: e.errMsg }),
    });
  },
};

function fileIdOf(body: unknown): string {
  try {
    const parsed = typeof body === 'string' ? JSON.parse(body) : body;
    return typeof parsed?.fileID === 'string' ? parsed.fileID : '';
  } catch {
    return '';
  }
}

/** `wx.cloud`'s storage calls for the current mode. */
export function storage(): Storage {
  return backendConfig.mode === 'cloud' ? wechat : emulator;
}
