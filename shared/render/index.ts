export * from './assets';
export * from './html';
export * from './model';
export * from './pages';
export * from './richtext';
export * from './search';
export * from './strings';
