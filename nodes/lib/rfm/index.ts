export * from './input';
export * from './money';
export * from './currency';
export * from './aggregate';
export * from './scoring';
export * from './segments';
export * from './summary';
export * from './segmentCustomers';
