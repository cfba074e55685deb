/**
 * 台账 as spreadsheet files: made by the backend (the half-year report, the dues ledger,
 * attendance, 先锋指数), downloaded under their Chinese name, opened in WeChat's document viewer
 * (its menu can save or forward), or sent to a chat. The one place pages get an export from.
 */
import { fetchReport } from './activity';
import { exportForm } from './appraisal';
import { actionOf, CloudError, NETWORK_FAILED } from './cloud';
import { fetchDuesLedger } from './dues';
import { downloadFile } from './files';

const action = actionOf('export');

/** 导出一次活动的签到表 */
export const exportAttendance = action('attendance');
/** 导出支部全年党员参加组织生活台账 */
export const exportAttendanceYear = action('attendanceYear');
/** 导出支部全年党员先锋指数（按姓名排列） */
export const exportPoints = action('points');
/** 导出各支部落实情况总表（上级党组织） */
export const exportDashboard = action('dashboard');

export type ExportKind =
  'report' | 'ledger' | 'attendance' | 'attendanceYear' | 'points' | 'appraisalForm' | 'dashboard';
export interface ExportParams {
  orgId?: string;
  year?: number;
  half?: string;
  activityId?: string;
  /** 评议登记表 (`appraisalForm`): the appraisal, and one member's form (empty: the whole branch). */
  appraisalId?: string;
  memberId?: string;
}
export interface ExportedFile {
  fileId: string;
  fileName: string;
}

const asFile = (r: object): ExportedFile => {
  if ('fileId' in r && 'fileName' in r) return r as ExportedFile;
  throw new CloudError(NETWORK_FAILED, '表格没有生成，请稍后重试');
};

/** 请后台生成一份台账表格 */
export async function makeExport(kind: ExportKind, p: ExportParams): Promise<ExportedFile> {
  const orgId = p.orgId ?? '';
  const year = p.year ?? 0;
  switch (kind) {
    case 'report':
      return asFile(await fetchReport({ orgId, half: p.half ?? '', format: 'xlsx' }));
    case 'ledger':
      return asFile(await fetchDuesLedger({ orgId, year, format: 'xlsx' }));
    case 'attendance':
      return exportAttendance({ activityId: p.activityId ?? '' });
    case 'attendanceYear':
      return exportAttendanceYear({ orgId, year });
    case 'points':
      return exportPoints({ orgId, year });
    case 'appraisalForm':
      return exportForm(p.appraisalId ?? '', p.memberId || undefined);
    case 'dashboard':
      return exportDashboard({ orgId, year });
  }
}

/** 下载表格到手机，以中文文件名保存，返回本地路径 */
export async function saveExport(file: ExportedFile): Promise<string> {
  const temp = await downloadFile(file.fileId);
  try {
    const named = `${wx.env.USER_DATA_PATH}/${file.fileName}`;
    wx.getFileSystemManager().copyFileSync(temp, named);
    return named;
  } catch {
    return temp; // the temporary name still opens; sharing passes the Chinese name anyway
  }
}

/** 用微信打开表格（右上角“…”可保存到手机、用其他应用打开或转发） */
export function openExport(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openDocument({
      filePath,
      fileType: 'xlsx',
      showMenu: true,
      success: () => resolve(),
      fail: () => reject(new CloudError('FILE.OPEN_FAILED', '表格打不开，请稍后重试')),
    });
  });
}

/** 把表格发给微信好友或群（只能在点按按钮时调用） */
export function shareExport(filePath: string, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.shareFileMessage({
      filePath,
      fileName,
      success: () => resolve(),
      fail: (err) =>
        /cancel/.test(err.errMsg ?? '')
          ? resolve()
          : reject(new CloudError('FILE.SHARE_FAILED', '没有发送成功，请稍后重试')),
    });
  });
}
