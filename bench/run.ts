/** `npm run bench`: every benchmark that needs no running app, each printing its own table. */
import { runDashboardBench } from './dashboard-queries';
import { runLookupBench } from './lookup-bench';

await runLookupBench();
await runDashboardBench();
