"""Designer forms compiled ahead of time (generated — do not edit the ``ui_*.py`` files).

Regenerate after editing a form in ``ui/``:
``pyside6-uic ui/<name>.ui -o p4_desk/gui/forms/ui_<name>.py`` (see ``tools`` note in each file).
"""
