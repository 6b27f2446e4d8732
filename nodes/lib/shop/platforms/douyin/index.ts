export * from './signing';
export * from './orders';
