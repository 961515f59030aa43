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
  // A signal listener's result is ignored: stopping runs on its own, and a failure to close reaches the unhandled-rejection log.
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();
