import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type Rule } from '@dhi/checks';
import { type FindingCategory } from '@dhi/contracts';
import { AppError, ZodValidationPipe } from '@dhi/service-kit';
import { RULE_CATALOG, ruleById } from './rule-catalog.js';
import { RuleCategoryQuery, RuleIdParam } from './rules.request.js';

@ApiTags('rules')
@Controller('v1/rules')
export class RulesHttpController {
  @Get()
  @ApiOperation({ summary: 'The rule catalog', description: 'Every rule a finding can name: id, title, category, default severity, rationale, references (CIS Docker Benchmark, Dockle, Hadolint, gitleaks) and remediation.' })
  @ApiQuery({ name: 'category', required: false, enum: ['vulnerability', 'misconfiguration', 'secret', 'permission', 'dockerfile'] })
  @ApiResponse({ status: 200, description: '{rules[{id, title, category, severity, rationale, references, remediation}]}' })
  list(@Query('category', new ZodValidationPipe(RuleCategoryQuery)) category: FindingCategory | undefined): { rules: readonly Rule[] } {
    return { rules: category ? RULE_CATALOG.filter((rule) => rule.category === category) : RULE_CATALOG };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rule' })
  @ApiParam({ name: 'id', description: 'Rule id, e.g. config.user-root' })
  @ApiResponse({ status: 404, description: 'No such rule (problem JSON)' })
  one(@Param('id', new ZodValidationPipe(RuleIdParam)) id: string): Rule {
    const rule = ruleById(id);
    if (!rule) throw new AppError('rule_not_found', 404, 'No such rule', `The rule catalog has no rule ${id}`, { ruleId: id });
    return rule;
  }
}
