import { z } from 'zod';
import { journeyPhases } from '../journey/nextStep';
import { isShippedModule, type TrainingModule } from '../training/curriculum';
import { maxModuleWords, wordCount } from '../training/readingLength';
import { text } from './common';
import { says } from './messages';

/** A module id: short, lower case, as it appears in an address. */
export const moduleIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, says('schema.moduleId'))
  .max(60, says('schema.tooLong'));

const moduleTextSchema = z
  .object({ title: text(120), reading: text(6000), exercise: text(1000) })
  .strict()
  .refine((t) => wordCount(`${t.reading} ${t.exercise}`) <= maxModuleWords, {
    message: says('schema.moduleTooLong'),
    params: { max: maxModuleWords },
    path: ['reading'],
  });

const trainingModuleSchema = z
  .object({ id: moduleIdSchema, audience: z.enum(['mentor', 'mentee', 'both']), phase: z.enum(journeyPhases), text: moduleTextSchema.nullable() })
  .strict()
  .refine((m) => m.text !== null || isShippedModule(m.id), { message: says('schema.moduleNeedsText'), path: ['text'] });

/**
 * A programme's whole curriculum, as the admin saves it: edits, additions, removals and order in
 * one write. Each role keeps at least one module, since a person's first module is their guide.
 */
export const curriculumSchema = z
  .array(trainingModuleSchema)
  .min(1, says('schema.keepAModule'))
  .max(40, says('schema.tooManyModules'))
  .superRefine((modules, ctx) => {
    const seen = new Set<string>();
    modules.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', message: says('schema.moduleTwice'), params: { id: m.id }, path: [i, 'id'] });
      seen.add(m.id);
    });
    for (const role of ['mentor', 'mentee'] as const) {
      if (!modules.some((m) => m.audience === role || m.audience === 'both')) ctx.addIssue({ code: 'custom', message: says('schema.keepAModuleFor'), params: { role } });
    }
  }) satisfies z.ZodType<TrainingModule[]>;

export const curriculumInputSchema = z.object({ modules: curriculumSchema }).strict();
