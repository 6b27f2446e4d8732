export * from './pillars';
export * from './classify';
export * from './input';
export * from './window';
export * from './audit';
export * from './sequence';
export * from './schedule';
export * from './options';
