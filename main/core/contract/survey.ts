import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { titleSchema } from './catalogue';
import { trackingCodeSchema } from './tracking-code';

/**
 * Questionnaires are data: items with stable ids, grouped in axes, each on a scale whose
 * levels run from best to worst, or a single choice. A definition is versioned; an answer
 * keeps the version it was given under, so a new version never changes its meaning.
 */
const words = z.object({ fa: z.string().min(1), en: z.string().min(1) });

export const scaleLevelSchema = z.object({ value: z.number().int(), label: words });

const itemBase = { id: z.string().regex(/^[a-z][a-z0-9_]*$/), axis: z.string(), text: words };
export const questionnaireItemSchema = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('scale'), scale: z.string() }),
  z.object({
    ...itemBase,
    kind: z.literal('choice'),
    choices: z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9_]*$/), label: words })).min(2),
  }),
]);
export type QuestionnaireItem = z.infer<typeof questionnaireItemSchema>;

export const questionnaireSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.number().int().min(1),
    title: words,
    source: words.optional(),
    /** Levels from best to worst: the order the buttons show and the reports list. */
    scales: z.record(z.string(), z.array(scaleLevelSchema).min(2)),
    axes: z.array(z.object({ id: z.string(), title: words })).min(1),
    items: z.array(questionnaireItemSchema).min(1),
    demographics: z.boolean(),
    suggestion: z.boolean(),
  })
  .superRefine((q, ctx) => {
    const axes = new Set(q.axes.map((axis) => axis.id));
    const ids = new Set<string>();
    q.items.forEach((item, i) => {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'code.duplicate' });
      ids.add(item.id);
      if (!axes.has(item.axis))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'axis'], message: 'survey.axis_unknown' });
      if (item.kind === 'scale' && !q.scales[item.scale]) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'scale'], message: 'survey.scale_unknown' });
      }
    });
    for (const [id, levels] of Object.entries(q.scales)) {
      const values = levels.map((level) => level.value);
      if (values.some((value, i) => i > 0 && value >= (values[i - 1] ?? 0))) {
        ctx.addIssue({ code: 'custom', path: ['scales', id], message: 'survey.scale_order' });
      }
    }
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** The demographics every questionnaire with `demographics: true` asks, all optional. */
export const GENDERS = ['male', 'female'] as const;
export const EDUCATION_LEVELS = ['below_diploma', 'diploma', 'associate', 'bachelor', 'master_plus'] as const;
export const JOBS = ['government', 'self_employed', 'other'] as const;

export const demographicsSchema = z
  .object({
    gender: z.enum(GENDERS).nullable().default(null),
    age: z.number().int().min(10).max(120).nullable().default(null),
    education: z.enum(EDUCATION_LEVELS).nullable().default(null),
    job: z.enum(JOBS).nullable().default(null),
    visits: z.number().int().min(0).max(365).nullable().default(null),
  })
  .strict();
export type Demographics = z.infer<typeof demographicsSchema>;

/** An answer: a scale value, a choice id, or null for "no opinion". */
export const answerSchema = z.union([z.number().int(), z.string().max(40), z.null()]);

export const responseInputSchema = z
  .object({
    /** The delivered request the survey is about; absent for an anonymous walk-up. */
    trackingCode: trackingCodeSchema.optional(),
    questionnaire: z.object({ id: z.string(), version: z.number().int() }).strict(),
    answers: z.record(z.string(), answerSchema),
    demographics: demographicsSchema.optional(),
    suggestion: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ResponseInput = z.infer<typeof responseInputSchema>;

export const SURVEY_FIELD_ERRORS = [
  'survey.axis_unknown',
  'survey.scale_unknown',
  'survey.scale_order',
  'survey.item_unknown',
  'survey.answer_invalid',
] as const;

const startedSchema = z.object({
  questionnaire: questionnaireSchema,
  /** What the survey is about, for its first screen; absent for an anonymous walk-up. */
  service: z.object({ code: z.string(), title: titleSchema }).nullable(),
});

export const surveyChannels = {
  'survey.start': {
    input: z.object({ trackingCode: trackingCodeSchema.optional() }).strict(),
    output: startedSchema,
    roles: ['kiosk', 'clerk'],
  },
  'survey.submit': {
    input: responseInputSchema,
    output: z.object({ responseId: z.number().int() }),
    roles: ['kiosk', 'clerk'],
  },
  'survey.questionnaires': {
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.string(), version: z.number().int(), title: words })),
    roles: ['supervisor', 'admin'],
  },
  /**
   * The counter hands a just-delivered citizen to the survey, as the setting survey.handoff says:
   * on this terminal's kiosk-role window (the customer display), or on a printed survey slip.
   */
  'survey.offer': {
    input: z.object({ trackingCode: trackingCodeSchema }).strict(),
    output: z.discriminatedUnion('via', [
      z.object({ via: z.literal('display') }),
      z.object({ via: z.literal('slip'), jobId: z.number().int() }),
    ]),
    roles: ['clerk'],
  },
} as const satisfies Record<string, ChannelDefinition>;
