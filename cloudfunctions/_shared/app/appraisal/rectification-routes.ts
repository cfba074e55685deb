import {
  addRectification,
  closeRectification,
  rectifications,
  reportRectification,
} from './rectification-actions';

/** The routes of the rectification list [APR-18] (keys match `rectificationContract`). */
export const rectificationRoutes = {
  rectifications,
  addRectification,
  reportRectification,
  closeRectification,
};
