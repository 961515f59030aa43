import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs; authorisation headers and tokens never reach them. */
export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({
    level,
    base: { service: 'upward' },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.accessToken'],
  });
}
