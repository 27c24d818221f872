-- Child population (issue 5, juvenile justice indicators).
--
-- The per-100,000 rates of the UNODC/UNICEF juvenile justice indicators divide by the number of
-- children (persons under 18) living in the country. The figures come from the official estimates
-- (PCBS) and are entered by a national administrator, one whole year at a time, split by sex and
-- by the age bands of the indicators (packages/domain/src/justice/juvenile.ts, AGE_BANDS), so that
-- a rate can also be given for each sex and age band. A rate uses the latest year not after the
-- end of the period asked for (docs/measures.md).

-- One row per year: where the figures come from and who set them last.
CREATE TABLE child_population_years (
  year        integer PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
  source      text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  updated_at  timestamptz NOT NULL,
  updated_by  uuid REFERENCES users (id)
);

-- The figures: every sex × age band of children under 18, replaced together.
CREATE TABLE child_population (
  year        integer NOT NULL REFERENCES child_population_years (year) ON DELETE CASCADE,
  sex         text NOT NULL CHECK (sex IN ('female', 'male')),
  age_band    text NOT NULL CHECK (age_band IN ('under_12', '12_13', '14_15', '16_17')),
  population  integer NOT NULL CHECK (population BETWEEN 0 AND 100000000),
  PRIMARY KEY (year, sex, age_band)
);
