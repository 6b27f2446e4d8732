export * from './dayNumber';
export * from './zonedDay';
export * from './parseTimestamp';
export * from './horizon';
