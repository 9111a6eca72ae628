import { serviceMain } from '@dhi/service-kit';
import { scannerService } from './service.js';

serviceMain(scannerService);
