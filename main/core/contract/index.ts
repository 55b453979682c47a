export * from './bridge';
export * from './channels';
export * from './errors';
export * from './events';
export * from './locale';
export * from './roles';
export * from './settings';
export * from './transport';
