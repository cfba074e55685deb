import { publish } from '../_shared/app/dues/publish';
import { calculate, pay, setBase } from '../_shared/app/dues/records';
import { relieve } from '../_shared/app/dues/relief';
import { arrears, collection, ledger, mine } from '../_shared/app/dues/reports';
import { assessment, fileSheet, forwardSheet, reviewSheet } from '../_shared/app/dues/sheets';
import { createFunction } from '../_shared/runtime/handler';

export const main = createFunction('dues', {
  calculate,
  setBase,
  pay,
  ledger,
  arrears,
  mine,
  publish,
  relieve,
  collection,
  assessment,
  fileSheet,
  reviewSheet,
  forwardSheet,
});
