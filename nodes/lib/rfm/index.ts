export * from './input';
export * from './scoring';
export * from './segments';
export * from './summary';
export * from './segmentCustomers';
export * from './lifetimeValue';
export * from './options';
