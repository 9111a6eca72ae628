import { FindingCategory } from '@dhi/contracts';
import { z } from 'zod';

/** `?category=` of the rule list: one finding category, or all. */
export const RuleCategoryQuery = FindingCategory.optional();

/** A rule id as the catalog writes them: `<family>.<name>[.<name>]`. */
export const RuleIdParam = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'a rule id such as config.user-root');
