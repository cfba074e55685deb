import { publish } from '../_shared/app/dues/publish';
import { calculate, pay, setBase } from '../_shared/app/dues/records';
import { arrears, ledger, mine } from '../_shared/app/dues/reports';
import { createFunction } from '../_shared/runtime/handler';

export const main = createFunction('dues', {
  calculate,
  setBase,
  pay,
  ledger,
  arrears,
  mine,
  publish,
});
