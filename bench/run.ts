/** `npm run bench`: every benchmark that needs no running app, each printing its own table. */
import { runLookupBench } from './lookup-bench';

await runLookupBench();
