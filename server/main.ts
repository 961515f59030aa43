import { loadConfigOrExit } from './config';
import { createLogger } from './logger';
import { surviveUnhandledRejections } from './processFaults';
import { startService } from './service';

/** Production entry point: configuration comes only from the environment. */
async function main() {
  const config = loadConfigOrExit(process.env);
  const logger = createLogger(config.logLevel);
  surviveUnhandledRejections(logger);
  const service = await startService(config, logger);
  const stop = async () => {
    await service.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
