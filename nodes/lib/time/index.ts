export * from './zonedDay';
export * from './parseTimestamp';
