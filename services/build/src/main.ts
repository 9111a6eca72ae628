import { serviceMain } from '@dhi/service-kit';
import { buildService } from './service.js';

serviceMain(buildService);
