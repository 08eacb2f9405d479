export * from './contract';
export * from './names';
export * from './envelope';
export * from './client';
export * from './transport';
export * from './http';
export * from './backups';
export * from './kiosk-stats';
