import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { parseBody } from '@dhi/service-kit';
import { z } from 'zod';
import { type CaseDetailView } from '../domain/case-views.js';
import { parseReviewer, REVIEWER_HEADER, SubmitVerdictBodySchema } from './submit-verdict.request.js';
import { SubmitVerdictService } from './submit-verdict.service.js';

// OpenAPI 3 schema objects take no $schema member
const { $schema: _dialect, ...bodySchema } = z.toJSONSchema(SubmitVerdictBodySchema, { io: 'input' }) as Record<string, unknown>;

@ApiTags('reviews')
@Controller('v1/reviews')
export class SubmitVerdictHttpController {
  constructor(@Inject(SubmitVerdictService) private readonly verdicts: SubmitVerdictService) {}

  @Post(':id/verdict')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or reject the build under review', description: 'Closes the case and publishes review.completed.' })
  @ApiParam({ name: 'id', description: 'Case id (uuid)' })
  @ApiHeader({ name: REVIEWER_HEADER, required: true, description: 'Identity of the reviewer (not the build submitter)' })
  @ApiBody({ schema: bodySchema })
  @ApiOkResponse({ description: 'The closed case with its items and audit trail' })
  @ApiResponse({ status: 400, description: 'Missing X-Reviewer header or invalid body (problem JSON)' })
  @ApiResponse({ status: 403, description: 'The reviewer submitted this build (problem JSON)' })
  @ApiResponse({ status: 404, description: 'No such case (problem JSON)' })
  @ApiResponse({ status: 409, description: 'The case is already closed (problem JSON)' })
  submit(
    @Param('id') id: string,
    @Headers('x-reviewer') reviewerHeader: string | undefined,
    @Body() body: unknown,
  ): Promise<CaseDetailView> {
    const reviewer = parseReviewer(reviewerHeader);
    return this.verdicts.submit(id, reviewer, parseBody(SubmitVerdictBodySchema, body));
  }
}
