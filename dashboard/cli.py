"""The installed `liftboard` command: every `pipelines.cli` command, plus `bench`.

The benchmark times the dashboard as well as the pipelines, so its command lives here, on the
side of the layers that may know both; `pipelines` never imports the dashboard.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from dashboard import bench_command
from pipelines import cli


def main(argv: Sequence[str] | None = None) -> int:
    """Run `liftboard`; return the exit status."""
    return cli.main(argv, extra=(bench_command,))


if __name__ == "__main__":
    sys.exit(main())
