/**
 * Roles, institutions and confidentiality: plain data with no schema library, safe for the web
 * app to import (`@qadiya/domain/organisation`) without pulling the workflow engine into its bundle.
 */
export * from './roles';
export * from './institutions';
export * from './confidentiality';
