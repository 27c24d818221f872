/**
 * SQL run in the restore transaction before the backup's own statements. It makes a restore an
 * exact replacement of what Qadiya owns in the database, whatever state the database was in.
 */

/**
 * 1. Drop every object this login owns in schema public. `pg_restore --clean` drops only the
 *    objects in the backup, so a table added by a later migration would survive, hold foreign keys
 *    to restored tables and make the restore fail (or linger after it).
 * 2. Forget this login's default privileges in schema public. Left in place they would grant the
 *    runtime role UPDATE and DELETE on the re-created audit_log table; the backup re-creates them
 *    itself, after its own exact grants.
 * Statements are collected before any is run, so objects removed by an earlier CASCADE are simply
 * skipped (IF EXISTS). They run in a fixed order (kind, then text), so a restore does not depend on
 * the order of pg_class. A sequence that belongs to a column (an identity column, such as
 * audit_pending.id, or a serial) is left to its table: PostgreSQL refuses to drop an identity
 * column's sequence on its own, and the table's DROP takes it.
 */
export const RESTORE_PRELUDE = `
DO $$
DECLARE
  statements text[];
  statement text;
BEGIN
  SELECT coalesce(array_agg(s ORDER BY ord, s), '{}') INTO statements FROM (
    SELECT 1 AS ord, format('DROP %s IF EXISTS %I.%I CASCADE',
             CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
               WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' WHEN 'c' THEN 'TYPE'
               ELSE 'TABLE' END,
             n.nspname, c.relname) AS s
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relowner = current_user::regrole
       AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c')
       AND NOT (c.relkind = 'S' AND EXISTS (
             SELECT 1 FROM pg_depend d
              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
    UNION ALL
    SELECT 2, format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure)
      FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = current_user::regrole
       -- Members of an extension (pg_trgm) go with the extension, which the backup re-creates.
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                         AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 3, format('DROP TYPE IF EXISTS public.%I CASCADE', t.typname)
      FROM pg_type t
     WHERE t.typnamespace = 'public'::regnamespace AND t.typowner = current_user::regrole
       AND t.typtype IN ('e', 'd', 'r', 'm')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                         AND d.objid = t.oid AND d.deptype = 'e')
  ) AS drops;
  FOREACH statement IN ARRAY statements LOOP
    EXECUTE statement;
  END LOOP;

  FOR statement IN
    SELECT format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON %s FROM %s',
             CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES'
               WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END,
             CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END)
      FROM pg_default_acl d CROSS JOIN LATERAL aclexplode(d.defaclacl) a
     WHERE d.defaclrole = current_user::regrole AND d.defaclnamespace = 'public'::regnamespace
       AND a.grantee <> d.defaclrole
  LOOP
    EXECUTE statement;
  END LOOP;
END $$;
`;
