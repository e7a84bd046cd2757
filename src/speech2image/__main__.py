import sys

from speech2image.cli import main

sys.exit(main())
