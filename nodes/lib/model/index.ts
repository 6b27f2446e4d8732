export * from './schemas';
export * from './fieldMapping';
export * from './validation';
export * from './coercion';
