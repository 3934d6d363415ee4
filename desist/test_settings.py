"""Settings for the test suite: production settings with a throwaway secret key.

Demo mode stays off, so the tests exercise two-factor sign-in as production has it.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-not-a-secret")

from desist.settings import *  # noqa: F403
