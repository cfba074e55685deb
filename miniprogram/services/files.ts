/**
 * Files the backend stored (the printable sign-in code, exports): a URL to show or preview, and
 * a local copy to save. In the cloud they come from CloudBase storage; against the local
 * emulator from its file route. The one place pages get a stored file from.
 */
import { backendConfig } from '../config';
import { CloudError, NETWORK_FAILED } from './cloud';

const emulatorUrl = (fileId: string) =>
  `${backendConfig.emulatorUrl}/__emulator/files/${encodeURIComponent(fileId)}`;

/** 取得已存文件的临时地址（用于显示图片或预览） */
export function fileUrl(fileId: string): Promise<string> {
  if (backendConfig.mode !== 'cloud') return Promise.resolve(emulatorUrl(fileId));
  return new Promise((resolve, reject) => {
    wx.cloud.getTempFileURL({
      fileList: [fileId],
      success: (r) => {
        const url = r.fileList[0]?.tempFileURL;
        if (url) resolve(url);
        else reject(new CloudError(NETWORK_FAILED, '图片读取失败，请稍后重试'));
      },
      fail: () => reject(new CloudError(NETWORK_FAILED, '图片读取失败，请稍后重试')),
    });
  });
}

/** 把已存文件下载到手机上，返回本地临时路径（用于保存到相册、转发） */
export function downloadFile(fileId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const failed = () => reject(new CloudError(NETWORK_FAILED, '下载失败，请稍后重试'));
    if (backendConfig.mode === 'cloud') {
      wx.cloud.downloadFile({
        fileID: fileId,
        success: (r) => resolve(r.tempFilePath),
        fail: failed,
      });
    } else {
      wx.downloadFile({
        url: emulatorUrl(fileId),
        success: (r) => (r.statusCode === 200 ? resolve(r.tempFilePath) : failed()),
        fail: failed,
      });
    }
  });
}

/** 把图片保存到手机相册（首次会询问授权；拒绝后须在设置中打开） */
export function saveImage(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.saveImageToPhotosAlbum({
      filePath,
      success: () => resolve(),
      fail: (err) =>
        reject(
          new CloudError(
            /cancel/.test(err.errMsg ?? '') ? 'SAVE.CANCELLED' : 'SAVE.DENIED',
            /cancel/.test(err.errMsg ?? '')
              ? '没有保存'
              : '没能保存到相册：请在小程序右上角“…”→“设置”中允许保存到相册',
          ),
        ),
    });
  });
}
