"""Test and benchmark tools, not part of the product: synthetic archives (`synthetic.py`) and the
random-SIGKILL crash test of batch runs (`crashtest.py`). Run from the repository root
(`python -m tools.crashtest ...`)."""
