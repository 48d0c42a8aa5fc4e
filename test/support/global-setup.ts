import type { TestProject } from 'vitest/node';
import { prepareTemplate, dropTemplate } from './test-db';

/** Migrates once per run into a template that every test file copies. */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
  const template = await prepareTemplate(kind);
  project.provide('testDbTemplate', template);
  return async () => {
    await dropTemplate(template);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDbTemplate: import('./test-db').TemplateInfo;
  }
}
