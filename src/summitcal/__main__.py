"""``python -m summitcal``: the same as the ``summitcal`` command."""

import sys

from summitcal.cli import main

sys.exit(main())
