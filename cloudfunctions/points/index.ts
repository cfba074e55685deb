import { appeal, appeals, publishQuarter, resolveAppeal } from '../_shared/app/points/appeals';
import {
  award,
  declare,
  review,
  reviewQueue,
  setStandard,
  standard,
} from '../_shared/app/points/ledger';
import { assessFortress, fortress } from '../_shared/app/points/fortress';
import {
  publishYear,
  scores,
  index,
  ranking,
  setRankingVisibility,
} from '../_shared/app/points/standing';
import { createFunction } from '../_shared/runtime/handler';

export const main = createFunction('points', {
  standard,
  setStandard,
  declare,
  review,
  reviewQueue,
  award,
  publishQuarter,
  appeal,
  appeals,
  resolveAppeal,
  index,
  ranking,
  setRankingVisibility,
  publishYear,
  scores,
  fortress,
  assessFortress,
});
