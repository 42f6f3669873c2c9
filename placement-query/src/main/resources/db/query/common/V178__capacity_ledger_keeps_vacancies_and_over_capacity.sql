-- Issue 14: the capacity-ledger projection keeps each row's vacancies and over-capacity (commissioned places against
-- places taken: pupils on roll plus offers outstanding), derived where the row's other figures are folded
-- (CapacityLedgerProjection.Figures). The reporting views derived them until now (V125, V175): a reader of the
-- figures had to go through a view, which H2 runs as a query of its own for every provision, and PostgreSQL needed a
-- view over both tables to read the latest rows with them. The rows written before this version are filled in here,
-- once, by the same rule; from now on the projection writes them, and a rebuild writes them anew.
ALTER TABLE rm_capacity_ledger ADD COLUMN vacancies INT DEFAULT 0 NOT NULL;
ALTER TABLE rm_capacity_ledger ADD COLUMN over_capacity INT DEFAULT 0 NOT NULL;
ALTER TABLE rm_capacity_latest ADD COLUMN vacancies INT DEFAULT 0 NOT NULL;
ALTER TABLE rm_capacity_latest ADD COLUMN over_capacity INT DEFAULT 0 NOT NULL;

UPDATE rm_capacity_ledger
SET vacancies = CASE WHEN commissioned_places > on_roll + offers_outstanding
                     THEN commissioned_places - on_roll - offers_outstanding ELSE 0 END,
    over_capacity = CASE WHEN on_roll + offers_outstanding > commissioned_places
                         THEN on_roll + offers_outstanding - commissioned_places ELSE 0 END;
UPDATE rm_capacity_latest
SET vacancies = CASE WHEN commissioned_places > on_roll + offers_outstanding
                     THEN commissioned_places - on_roll - offers_outstanding ELSE 0 END,
    over_capacity = CASE WHEN on_roll + offers_outstanding > commissioned_places
                         THEN on_roll + offers_outstanding - commissioned_places ELSE 0 END;

-- every row is written with both from now on: no default stands in for a figure not written
ALTER TABLE rm_capacity_ledger ALTER COLUMN vacancies DROP DEFAULT;
ALTER TABLE rm_capacity_ledger ALTER COLUMN over_capacity DROP DEFAULT;
ALTER TABLE rm_capacity_latest ALTER COLUMN vacancies DROP DEFAULT;
ALTER TABLE rm_capacity_latest ALTER COLUMN over_capacity DROP DEFAULT;
