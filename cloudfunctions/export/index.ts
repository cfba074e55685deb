import { attendance, attendanceYear } from '../_shared/app/export/attendance';
import { points } from '../_shared/app/export/points';
import { dashboard } from '../_shared/app/export/dashboard';
import { isRender, render } from '../_shared/app/export/render-action';
import { createFunction } from '../_shared/runtime/handler';

/**
 * 台账 as .xlsx: the only function that carries the spreadsheet library, so the others' bundles do
 * not grow. Members' actions below; `render` is for the other functions (`activity.report`,
 * `dues.ledger`, the 核算表), which check the permission and write the audit entry themselves.
 */
const actions = createFunction('export', { attendance, attendanceYear, points, dashboard });

export const main = (event: unknown) => (isRender(event) ? render(event) : actions(event));
