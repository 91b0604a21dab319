"""`python -m catalog_builder`: rebuild the shipped reference CSVs."""

import sys

from catalog_builder.build import main

sys.exit(main())
