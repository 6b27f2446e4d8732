export * from './schemas';
export * from './fieldMapping';
export * from './validation';
export * from './coercion';
export * from './lists';
export * from './settings';
