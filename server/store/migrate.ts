import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Db } from './database';
import { statements as initial } from './migrations/0001_initial';
import { statements as matchRuns } from './migrations/0002_match_runs';
import { statements as workspace } from './migrations/0003_workspace';
import { statements as botJobs } from './migrations/0004_bot_jobs';
import { statements as sessionBookings } from './migrations/0005_session_bookings';
import { statements as stories } from './migrations/0006_stories';
import { statements as bookingIntents } from './migrations/0007_booking_intents';
import { statements as unfinishedWork } from './migrations/0008_unfinished_sends_and_bookings';
import { statements as conversationsByPerson } from './migrations/0009_conversations_by_person';
import { statements as auditChanges } from './migrations/0012_audit_changes';
import { statements as insightBatches } from './migrations/0013_insight_batches';
import { statements as rateLimitWindows } from './migrations/0014_rate_limit_windows';
import { statements as answeredCards } from './migrations/0015_answered_cards';
import { statements as eventSubjects } from './migrations/0016_event_subjects';
import { statements as deadColumns } from './migrations/0017_dead_columns';
import { statements as sendPace } from './migrations/0018_send_pace';
import { statements as concernWorkflow } from './migrations/0019_concern_workflow';
import { statements as trainingCompletions } from './migrations/0024_training_completions';
import { statements as sessionEventLocale } from './migrations/0025_session_event_locale';
import { statements as shadowing } from './migrations/0026_shadowing';
import { statements as concernEntryOrder } from './migrations/0027_concern_entry_order';

/** Forward-only migrations, in order; each is a list of SQL statements run in one transaction. */
const migrations: Record<string, readonly string[]> = {
  '0001_initial': initial,
  '0002_match_runs': matchRuns,
  '0003_workspace': workspace,
  '0004_bot_jobs': botJobs,
  '0005_session_bookings': sessionBookings,
  '0006_stories': stories,
  '0007_booking_intents': bookingIntents,
  '0008_unfinished_sends_and_bookings': unfinishedWork,
  '0009_conversations_by_person': conversationsByPerson,
  '0012_audit_changes': auditChanges,
  '0013_insight_batches': insightBatches,
  '0014_rate_limit_windows': rateLimitWindows,
  '0015_answered_cards': answeredCards,
  '0016_event_subjects': eventSubjects,
  '0017_dead_columns': deadColumns,
  '0018_send_pace': sendPace,
  '0019_concern_workflow': concernWorkflow,
  '0024_training_completions': trainingCompletions,
  '0025_session_event_locale': sessionEventLocale,
  '0026_shadowing': shadowing,
  '0027_concern_entry_order': concernEntryOrder,
};

const provider: MigrationProvider = {
  async getMigrations() {
    const all: Record<string, Migration> = {};
    for (const [name, ddl] of Object.entries(migrations)) {
      all[name] = {
        async up(db) {
          for (const statement of ddl) await sql.raw(statement).execute(db);
        },
      };
    }
    return all;
  },
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'upward_migrations', migrationLockTableName: 'upward_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
