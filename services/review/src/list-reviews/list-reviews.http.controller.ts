import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '@dhi/service-kit';
import { type ListReviewsQuery, ListReviewsQuerySchema } from './list-reviews.request.js';
import { ListReviewsService, type ReviewPage } from './list-reviews.service.js';

@ApiTags('reviews')
@Controller('v1/reviews')
export class ListReviewsHttpController {
  constructor(@Inject(ListReviewsService) private readonly reviews: ListReviewsService) {}

  @Get()
  @ApiOperation({ summary: 'List review cases', description: 'Newest first; cursor pagination with `limit` and `cursor`.' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed'] })
  @ApiQuery({ name: 'buildId', required: false, description: 'Only the case of this build' })
  @ApiQuery({ name: 'limit', required: false, description: '1-100, default 20' })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page' })
  @ApiOkResponse({ description: '`{items: case summaries, nextCursor}`; nextCursor is null on the last page' })
  @ApiResponse({ status: 400, description: 'Invalid filter, limit or cursor (problem JSON)' })
  list(@Query(new ZodValidationPipe(ListReviewsQuerySchema)) query: ListReviewsQuery): Promise<ReviewPage> {
    return this.reviews.list(query);
  }
}
