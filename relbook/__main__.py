"""Entry point for ``python -m relbook``."""

from relbook.cli import main

raise SystemExit(main())
