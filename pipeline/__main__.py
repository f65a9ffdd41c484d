"""`python -m pipeline ...` is `hindi-extract ...`."""
import sys

from .cli import main

sys.exit(main())
