export * from './utm';
export * from './attribution';
export * from './dailyClicks';
export * from './input';
