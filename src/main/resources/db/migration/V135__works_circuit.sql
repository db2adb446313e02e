-- Works cycle (issue 17 part 4, docs/lifecycle.md#works-cycle-moe-then-moa): a works invoice is held by its MOE
-- first, then by its MOA; the row of invoice_circuit keeps the MOA while the MOE holds it.
ALTER TABLE invoice_circuit ADD COLUMN moa_siret VARCHAR(14);
