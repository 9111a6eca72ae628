import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '@dhi/service-kit';
import { type ListReviewEventsQuery, ListReviewEventsQuerySchema } from './list-review-events.request.js';
import { ListReviewEventsService, type ReviewEventPage } from './list-review-events.service.js';

@ApiTags('review events')
@Controller('v1/review-events')
export class ListReviewEventsHttpController {
  constructor(@Inject(ListReviewEventsService) private readonly events: ListReviewEventsService) {}

  @Get()
  @ApiOperation({ summary: 'Recorded review events', description: 'What the trainer has recorded, newest first; cursor pagination.' })
  @ApiQuery({ name: 'buildId', required: false, description: 'Only the events of this build' })
  @ApiQuery({ name: 'limit', required: false, description: '1-100, default 20' })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page' })
  @ApiOkResponse({ description: '`{items, nextCursor}`; nextCursor is null on the last page' })
  @ApiResponse({ status: 400, description: 'Invalid filter, limit or cursor (problem JSON)' })
  list(@Query(new ZodValidationPipe(ListReviewEventsQuerySchema)) query: ListReviewEventsQuery): Promise<ReviewEventPage> {
    return this.events.list(query);
  }
}
