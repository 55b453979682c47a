import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/i18n/persian';
import { Survey } from 'survey-react-ui';
import national16 from '../../../assets/questionnaires/national-16.json';
import type { Questionnaire } from '../../../main/core/contract';
import { toSurveyJson } from './questionnaire';

/**
 * The benchmark's SurveyJS page: the national-16 questionnaire rendered by survey-react-ui.
 * Plain createElement rather than JSX, so that the root tsconfig (which has no JSX setting)
 * type-checks this file with the rest of tests/. Bundled by tests/bench/survey.bench.ts.
 */
const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root');
const model = new Model(toSurveyJson(national16 as Questionnaire));
createRoot(root).render(createElement(Survey, { model }));
