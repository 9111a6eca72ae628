import { serviceMain } from '@dhi/service-kit';
import { anomalyDetectorService } from './service.js';

serviceMain(anomalyDetectorService);
