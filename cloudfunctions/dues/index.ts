import { arrears, calculate, ledger, mine, pay, publish, setBase } from '../_shared/app/dues/dues';
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
