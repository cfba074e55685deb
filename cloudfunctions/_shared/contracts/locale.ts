import { z } from 'zod';

// Validation messages a member may read are Chinese.
z.config(z.locales.zhCN());
