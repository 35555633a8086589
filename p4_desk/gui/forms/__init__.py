"""Designer forms compiled ahead of time (generated — do not edit the ``ui_*.py`` files).

After editing a form in ``ui/``, run ``python tools/compile_forms.py``; a test fails while a
compiled form is stale.
"""
