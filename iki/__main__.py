"""`python -m iki`: the editors' command line (see iki.cli)."""

from .cli import main

raise SystemExit(main())
