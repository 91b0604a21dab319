"""`python -m pipelines.cli` runs the `liftboard` command."""

from __future__ import annotations

import sys

from pipelines.cli import main

sys.exit(main())
