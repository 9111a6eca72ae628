import { serviceMain } from '@dhi/service-kit';
import { reviewService } from './service.js';

serviceMain(reviewService);
