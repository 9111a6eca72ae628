import { serviceMain } from '@dhi/service-kit';
import { trainerService } from './service.js';

serviceMain(trainerService);
