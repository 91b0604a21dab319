"""The installed `liftboard` command: every `pipelines.cli` command, plus `bench`.

The benchmark times the dashboard as well as the pipelines, so its command lives here, on the
side of the layers that may know both; `pipelines` never imports the dashboard.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from pipelines import cli, live


def main(argv: Sequence[str] | None = None) -> int:
    """Run `liftboard`; return the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    # A command a running dashboard takes is handed over before anything heavy is imported
    # (the benchmark's module imports pandas): it starts in a fraction of a second.
    relayed = live.relay(words)
    if relayed is not None:
        return relayed
    from dashboard import bench_command

    return cli.main(words, extra=(bench_command,))


if __name__ == "__main__":
    sys.exit(main())
