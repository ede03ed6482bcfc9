"""``python -m calculator`` (the ``wego-fee`` console script calls the same ``main``)."""

import sys

from .cli import main

sys.exit(main())
