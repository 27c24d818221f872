export * from './organisation/roles';
export * from './organisation/institutions';
export * from './organisation/confidentiality';
