/**
 * Files the backend stored for the caller (the printable sign-in code, exports): a URL to show
 * or preview, and a local copy to save. Every address comes from the backend's `media.fileUrl`,
 * which checks who asks (issue 15 §5); the phone never reads storage by fileID. The one place
 * pages get a generated file from.
 */
import { downloadUrl, fileUrl } from './media';
import { CloudError } from './cloud';

/** 取得已存文件的临时地址（用于显示图片或预览） */
export { fileUrl };

/** 把已存文件下载到手机上，返回本地临时路径（用于保存到相册、转发） */
export async function downloadFile(fileId: string): Promise<string> {
  return downloadUrl(await fileUrl(fileId));
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
