import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type CaseDetailView } from '../domain/case-views.js';
import { GetReviewService } from './get-review.service.js';

@ApiTags('reviews')
@Controller('v1/reviews')
export class GetReviewHttpController {
  constructor(@Inject(GetReviewService) private readonly reviews: GetReviewService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get a review case', description: 'The case with every flag (evidence, confidence, decision) and its audit trail.' })
  @ApiParam({ name: 'id', description: 'Case id (uuid)' })
  @ApiOkResponse({ description: 'The case with `items` and `audit`' })
  @ApiResponse({ status: 404, description: 'No such case (problem JSON)' })
  get(@Param('id') id: string): Promise<CaseDetailView> {
    return this.reviews.get(id);
  }
}
