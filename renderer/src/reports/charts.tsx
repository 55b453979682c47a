import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Text,
  XAxis,
  YAxis,
} from 'recharts';
import type { FrequencyRow, Language } from '../../../main/core/contract';
import { useLanguage } from '../ui/useLanguage';
import { formatPercent, formatStatistic } from './format';

/**
 * The report's bar charts (recharts: SVG, whose text the browser shapes, so Persian joins
 * and reads right to left as on the rest of the page). In Persian a chart is mirrored as a
 * reader expects: categories on the right, bars growing leftwards, the best level first
 * from the right. The SVG itself stays left-to-right (Reports.css) so that recharts' own
 * placements hold; every label that holds words gets its own direction here.
 */

/** The chart's text size, given to recharts too: it measures words with it to wrap them. */
const TEXT = { fontSize: 13, fontFamily: 'Vazirmatn, sans-serif' };
const NUMBER_TEXT = { ...TEXT, direction: 'ltr' as const };

/** Best to worst: green through amber to red, for four or five levels. */
const LEVEL_COLOURS: Record<number, string[]> = {
  2: ['#2e7d32', '#c62828'],
  3: ['#2e7d32', '#f9a825', '#c62828'],
  4: ['#1b5e20', '#66bb6a', '#f9a825', '#c62828'],
  5: ['#1b5e20', '#66bb6a', '#f9a825', '#ef6c00', '#b71c1c'],
};
const MET = '#2e7d32';
const NOT_MET = '#c62828';
const NEUTRAL = '#0b5c7a';

export function levelColours(count: number): string[] {
  return LEVEL_COLOURS[count] ?? Array.from({ length: count }, () => NEUTRAL);
}

const sign = (language: Language) => (language === 'fa' ? '٪' : '%');
/** A bar's own figure, with the one decimal the tables show. */
const percentLabel = (language: Language) => (value: unknown) =>
  typeof value === 'number' ? `${formatPercent(value, language)}${sign(language)}` : '';
/** An axis' round marks: 25%, not 25.0%. */
const tickLabel = (language: Language) => (value: number) => `${formatStatistic(value, language)}${sign(language)}`;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * A category's name beside a horizontal bar, wrapped to the label column. Persian: the
 * column is on the right and the lines are right-aligned at its outer edge (an rtl text's
 * start is its right end); English: on the left, right-aligned against the axis.
 */
function categoryTick(language: Language, width: number) {
  function CategoryTick({ x = 0, y = 0, payload }: TickProps): ReactElement {
    const rtl = language === 'fa';
    return (
      <Text
        x={rtl ? Number(x) + width : Number(x)}
        y={Number(y)}
        width={width}
        maxLines={3}
        textAnchor={rtl ? 'start' : 'end'}
        verticalAnchor="middle"
        direction={rtl ? 'rtl' : 'ltr'}
        style={TEXT}
        className="report-chart__category"
      >
        {String(payload?.value ?? '')}
      </Text>
    );
  }
  return CategoryTick;
}

/** A level's name under its bar, centred. */
function levelTick(language: Language, width: number) {
  function LevelTick({ x = 0, y = 0, payload }: TickProps): ReactElement {
    return (
      <Text
        x={Number(x)}
        y={Number(y) + 4}
        width={width}
        textAnchor="middle"
        verticalAnchor="start"
        direction={language === 'fa' ? 'rtl' : 'ltr'}
        style={TEXT}
      >
        {String(payload?.value ?? '')}
      </Text>
    );
  }
  return LevelTick;
}

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
}

/**
 * A horizontal bar's figure just past its far end. Placed here rather than by recharts'
 * positions, which name sides of the bar's box and so land on the wrong end when the
 * axis is reversed for Persian.
 */
function barEndLabel(language: Language) {
  function BarEndLabel({ x = 0, y = 0, width = 0, height = 0, value }: LabelProps): ReactElement {
    const [start, end] = [Number(x), Number(x) + Number(width)];
    const rtl = language === 'fa';
    return (
      <text
        x={rtl ? Math.min(start, end) - 6 : Math.max(start, end) + 6}
        y={Number(y) + Number(height) / 2}
        textAnchor={rtl ? 'end' : 'start'}
        dominantBaseline="central"
        style={NUMBER_TEXT}
      >
        {percentLabel(language)(value)}
      </text>
    );
  }
  return BarEndLabel;
}

/** A fixed width on paper; the container's width on screen. */
function Frame({ width, height, children }: { width?: number; height: number; children: ReactElement }) {
  return (
    <div className="report-chart__frame" data-chart-height={height}>
      {width === undefined ? (
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      ) : (
        children
      )}
    </div>
  );
}

export interface ShareBar {
  key: string;
  label: string;
  /** A percent; null (nobody answered) draws no bar. */
  value: number | null;
  /** Colours the bar: met green, not met red; undefined: neither. */
  met?: boolean | null;
}

/**
 * Horizontal bars of percents on a 0-100 scale, one per category, with the target as a
 * dashed line when there is one: acceptance per axis or group, on-time delivery per service.
 */
export function ShareBars({
  id,
  title,
  bars,
  target,
  width,
  labelWidth = 260,
}: {
  id: string;
  title: string;
  bars: ShareBar[];
  target?: number;
  width?: number;
  labelWidth?: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rtl = language === 'fa';
  // Paper is short: thinner bars there, so that a chart of many agencies fits one page.
  const row = width === undefined ? 44 : 30;
  const height = 48 + bars.length * row;
  const data = bars.map((bar) => ({ ...bar, value: bar.value ?? 0 }));
  return (
    <figure className="report-chart" data-chart={id} aria-label={title}>
      <figcaption className="report-chart__title">{title}</figcaption>
      <Frame width={width} height={height}>
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          margin={{ top: 20, bottom: 4, left: rtl ? 60 : 16, right: rtl ? 16 : 60 }}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            reversed={rtl}
            tickFormatter={tickLabel(language)}
            tick={NUMBER_TEXT}
          />
          <YAxis
            type="category"
            dataKey="label"
            orientation={rtl ? 'right' : 'left'}
            width={labelWidth}
            tick={categoryTick(language, labelWidth - 12)}
            interval={0}
          />
          {/* minPointSize: a 0% is a sliver with its figure, not a missing bar. */}
          <Bar dataKey="value" isAnimationActive={false} barSize={Math.round(row * 0.55)} minPointSize={2}>
            {data.map((bar) => (
              <Cell key={bar.key} fill={bar.met === true ? MET : bar.met === false ? NOT_MET : NEUTRAL} />
            ))}
            <LabelList dataKey="value" content={barEndLabel(language)} />
          </Bar>
          {target !== undefined && (
            <ReferenceLine
              x={target}
              stroke="#13212e"
              strokeDasharray="6 4"
              strokeWidth={2}
              label={{
                value: t('reports.summary.target', { target: formatStatistic(target, language) }),
                position: 'top',
                style: { ...TEXT, direction: rtl ? 'rtl' : 'ltr' },
              }}
            />
          )}
        </BarChart>
      </Frame>
    </figure>
  );
}

/** One item's answers: a bar per level, best first in reading order, its percent on top. */
export function LevelBars({
  id,
  title,
  rows,
  ordered,
  width,
}: {
  id: string;
  title: string;
  rows: readonly FrequencyRow[];
  /** Scale levels (coloured best to worst) rather than choices. */
  ordered: boolean;
  width?: number;
}) {
  const language = useLanguage();
  const colours = ordered ? levelColours(rows.length) : rows.map(() => NEUTRAL);
  const data = rows.map((row) => ({ key: String(row.value), label: row.label[language], value: row.percent }));
  const height = 220;
  return (
    <figure className="report-chart report-chart--levels" data-chart={id} aria-label={title}>
      <Frame width={width} height={height}>
        <BarChart width={width} height={height} data={data} margin={{ top: 24, bottom: 8, left: 8, right: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis
            dataKey="label"
            reversed={language === 'fa'}
            interval={0}
            height={44}
            tick={levelTick(language, Math.max(60, ((width ?? 420) - 60) / Math.max(rows.length, 1)))}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            orientation={language === 'fa' ? 'right' : 'left'}
            width={40}
            tick={NUMBER_TEXT}
            tickFormatter={tickLabel(language)}
          />
          <Bar dataKey="value" isAnimationActive={false} maxBarSize={56}>
            {data.map((bar, i) => (
              <Cell key={bar.key} fill={colours[i]} />
            ))}
            <LabelList dataKey="value" position="top" formatter={percentLabel(language)} style={NUMBER_TEXT} />
          </Bar>
        </BarChart>
      </Frame>
    </figure>
  );
}

/**
 * Every scale item's answers as one bar split by level (100% stacked), best level first in
 * reading order: which items do well and which do not, at a glance.
 */
export function StackedLevels({
  id,
  title,
  levels,
  items,
  width,
  labelWidth,
}: {
  id: string;
  title: string;
  /** The scale's level labels, best first. */
  levels: string[];
  items: { key: string; label: string; percents: number[] }[];
  width?: number;
  labelWidth: number;
}) {
  const language = useLanguage();
  const rtl = language === 'fa';
  const colours = levelColours(levels.length);
  const data = items.map((item) => ({
    key: item.key,
    label: item.label,
    ...Object.fromEntries(item.percents.map((percent, i) => [`l${i}`, percent])),
  }));
  const height = 72 + items.length * 48;
  return (
    <figure className="report-chart" data-chart={id} aria-label={title}>
      <figcaption className="report-chart__title">{title}</figcaption>
      <Frame width={width} height={height}>
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          stackOffset="expand"
          margin={{ top: 4, bottom: 4, left: 16, right: 16 }}
        >
          <XAxis
            type="number"
            reversed={rtl}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(value: number) => tickLabel(language)(value * 100)}
            tick={NUMBER_TEXT}
          />
          <YAxis
            type="category"
            dataKey="label"
            orientation={rtl ? 'right' : 'left'}
            width={labelWidth}
            tick={categoryTick(language, labelWidth - 12)}
            interval={0}
          />
          <Legend
            verticalAlign="top"
            align={rtl ? 'right' : 'left'}
            itemSorter={null}
            formatter={(value: unknown) => <span className="report-chart__legend">{String(value)}</span>}
            wrapperStyle={{ direction: rtl ? 'rtl' : 'ltr', fontSize: TEXT.fontSize }}
          />
          {levels.map((level, i) => (
            <Bar
              key={level}
              dataKey={`l${i}`}
              name={level}
              stackId="levels"
              fill={colours[i]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </Frame>
    </figure>
  );
}
