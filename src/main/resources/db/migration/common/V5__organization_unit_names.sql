-- Sibling units have distinct names: a unit written as "沼潭派出所/社区警务队" (in an import file, in an export)
-- then names exactly one unit. The application checks first and gives a clear message; this index settles races.
CREATE UNIQUE INDEX uq_unit_sibling_name ON unit (parent_id, name);

-- The officer list filters by status on every page.
CREATE INDEX ix_officer_status ON officer (status);
