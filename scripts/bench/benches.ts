// The benches `npm run bench` runs, in this order (`npm run bench -- <name>` runs one).
import { Bench } from './bench';
import { evidenceLoggingBench } from './evidence-logging';
import { graphqlStackBench } from './graphql-stack';
import { remindersBench } from './reminders';
import { reportsBench } from './reports';
import { reviewReadBench } from './review-read';
import { scaleOutBench } from './scale-out';

export const BENCHES: Bench[] = [evidenceLoggingBench, graphqlStackBench, reviewReadBench, reportsBench, remindersBench, scaleOutBench];
