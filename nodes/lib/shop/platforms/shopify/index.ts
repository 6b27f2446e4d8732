export * from './shopUrl';
export * from './throttle';
export * from './queries';
export * from './orders';
export * from './inventory';
export * from './discounts';
