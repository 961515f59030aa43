import { loadConfigOrExit } from '../config';
import { createLogger } from '../logger';
import { openDatabase } from '../store/database';
import { databaseTargetOf } from '../store/databaseTarget';
import { migrateToLatest } from '../store/migrate';
import { retentionPurger } from './retention';

/** `npm run retention`: deletes programmes past their retention period (UPWARD_RETENTION_DAYS after they end). */
async function main() {
  const config = loadConfigOrExit(process.env);
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(databaseTargetOf(config));
  try {
    await migrateToLatest(database.db);
    const purged = await retentionPurger(database.db, { retentionDays: config.retentionDays, now: new Date() });
    logger.info({ purged: purged.length, retentionDays: config.retentionDays }, 'retention run finished');
  } finally {
    await database.close();
  }
}

void main();
