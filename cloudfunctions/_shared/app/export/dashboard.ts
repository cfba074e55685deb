import { exportContract, ExportFileOutput } from '../../contracts/export';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';

// PLACEHOLDER: replaced by the helper that owns app/export/dashboard.ts (issue 16).
export const dashboard = action({
  input: exportContract.dashboard.input,
  async run(): Promise<ExportFileOutput> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
