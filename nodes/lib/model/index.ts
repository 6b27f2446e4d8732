export * from './schemas';
export * from './fieldMapping';
